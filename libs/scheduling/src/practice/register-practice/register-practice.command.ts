import type { CommandContext } from '@revcycle/kernel';

import { isValidNpi } from '../../provider/npi';
import { InvalidNpi } from '../../provider/provider.errors';
import type { PracticeProfile, PracticeRegistered } from '../practice.events';
import { PracticeAlreadyRegistered } from '../practice.errors';
import type { PracticeState } from '../practice.state';

/** The tenant comes from the token (the command context), never from the request body. */
export interface RegisterPractice {
  context: CommandContext;
  profile: Omit<PracticeProfile, 'tenantId'>;
}

/** The billing provider of every claim (837P loop 2010AA) must carry a valid group NPI. */
export function decideRegisterPractice(command: RegisterPractice, state: PracticeState): PracticeRegistered[] {
  const { tenantId } = command.context;
  if (state.status !== 'unregistered') throw new PracticeAlreadyRegistered(tenantId);
  if (!isValidNpi(command.profile.groupNpi)) throw new InvalidNpi('groupNpi');
  return [{ type: 'scheduling.PracticeRegistered', data: { ...command.profile, tenantId } }];
}
