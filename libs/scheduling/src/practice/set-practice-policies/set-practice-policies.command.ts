import type { CommandContext } from '@revcycle/kernel';

import type { PracticePolicies, PracticePoliciesSet } from '../practice.events';
import { InvalidPracticePolicies, PracticeNotFound } from '../practice.errors';
import type { PracticeState } from '../practice.state';

export interface SetPracticePolicies {
  context: CommandContext;
  policies: PracticePolicies;
}

/** Fees are integer cents and windows whole hours or days; a zero fee means "do not charge". */
export function decideSetPracticePolicies(command: SetPracticePolicies, state: PracticeState): PracticePoliciesSet[] {
  if (state.status !== 'registered') throw new PracticeNotFound(command.context.tenantId);
  const { policies } = command;
  for (const [field, value] of Object.entries(policies)) {
    if (!Number.isSafeInteger(value) || value < 0) throw new InvalidPracticePolicies(field);
  }
  return [{ type: 'scheduling.PracticePoliciesSet', data: policies }];
}
