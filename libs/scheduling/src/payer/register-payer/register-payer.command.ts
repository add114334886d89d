import type { CommandContext } from '@revcycle/kernel';

import type { PayerRegistered, PayerRegistration } from '../payer.events';
import { InvalidTimelyFiling, PayerAlreadyRegistered } from '../payer.errors';
import { assertPayerPolicy, type PayerState } from '../payer.state';

export interface RegisterPayer {
  context: CommandContext;
  payer: PayerRegistration;
}

export function decideRegisterPayer(command: RegisterPayer, state: PayerState): PayerRegistered[] {
  const { payer } = command;
  if (state.status !== 'unknown') throw new PayerAlreadyRegistered(payer.payerId);
  if (!Number.isSafeInteger(payer.timelyFilingDays) || payer.timelyFilingDays <= 0) {
    throw new InvalidTimelyFiling(payer.payerId);
  }
  assertPayerPolicy(payer);
  return [{ type: 'scheduling.PayerRegistered', data: payer }];
}
