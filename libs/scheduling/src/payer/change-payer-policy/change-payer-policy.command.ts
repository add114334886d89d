import { canonicalJson, type CommandContext } from '@revcycle/kernel';

import type { PayerPolicy, PayerPolicyChanged } from '../payer.events';
import { PayerNotFound } from '../payer.errors';
import { assertPayerPolicy, type PayerState } from '../payer.state';

export interface ChangePayerPolicy {
  context: CommandContext;
  payerId: string;
  policy: PayerPolicy;
}

/** An unchanged policy writes nothing, so a retried request leaves one event. */
export function decideChangePayerPolicy(command: ChangePayerPolicy, state: PayerState): PayerPolicyChanged[] {
  const { payerId, policy } = command;
  if (state.status !== 'registered') throw new PayerNotFound(payerId);
  assertPayerPolicy({ payerId, kind: state.payer.kind, policy });
  if (canonicalJson(state.payer.policy) === canonicalJson(policy)) return [];
  return [{ type: 'scheduling.PayerPolicyChanged', data: { payerId, policy } }];
}
