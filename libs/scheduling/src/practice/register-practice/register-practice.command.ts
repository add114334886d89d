import type { CommandContext } from '@revcycle/kernel';

import { isValidNpi } from '../../provider/npi';
import { InvalidNpi } from '../../provider/provider.errors';
import type { PostalAddress, PracticeRegistered } from '../practice.events';
import { PracticeAlreadyRegistered } from '../practice.errors';
import type { PracticeState } from '../practice.state';

export interface RegisterPractice {
  context: CommandContext;
  legalName: string;
  taxId: string;
  groupNpi: string;
  billingAddress: PostalAddress;
  taxonomyCode: string;
  timeZone: string;
}

/** The billing provider of every claim (837P loop 2010AA) must carry a valid group NPI. */
export function decideRegisterPractice(command: RegisterPractice, state: PracticeState): PracticeRegistered[] {
  const { tenantId } = command.context;
  if (state.status !== 'unregistered') throw new PracticeAlreadyRegistered(tenantId);
  if (!isValidNpi(command.groupNpi)) throw new InvalidNpi('groupNpi');
  return [
    {
      type: 'scheduling.PracticeRegistered',
      data: {
        tenantId,
        legalName: command.legalName,
        taxId: command.taxId,
        groupNpi: command.groupNpi,
        billingAddress: command.billingAddress,
        taxonomyCode: command.taxonomyCode,
        timeZone: command.timeZone,
      },
    },
  ];
}
