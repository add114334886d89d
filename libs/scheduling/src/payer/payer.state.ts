import type { DomainEvent } from '@revcycle/event-store';

import type { PayerEvent, PayerKind, PayerPolicy, PayerRegistration } from './payer.events';
import { InvalidPayerPolicy } from './payer.errors';

export type PayerState = { status: 'unknown' } | { status: 'registered'; payer: PayerRegistration };

export const initialPayerState: PayerState = { status: 'unknown' };

export function payerStreamId(payerId: string): string {
  return `payer-${payerId}`;
}

export function evolvePayer(state: PayerState, event: DomainEvent): PayerState {
  const e = event as PayerEvent;
  switch (e.type) {
    case 'scheduling.PayerRegistered':
      return { status: 'registered', payer: e.data };
    case 'scheduling.PayerPolicyChanged':
      if (state.status !== 'registered') return state;
      return { status: 'registered', payer: { ...state.payer, policy: e.data.policy } };
    default:
      return state;
  }
}

/**
 * Medicaid providers must accept the state's payment as payment in full (42 CFR 447.15), and CMS
 * does not let them bill members for missed appointments (billing-rules.md §15 [FE1]).
 */
function isMedicaid(kind: PayerKind): boolean {
  return kind === 'medicaid' || kind === 'managed_medicaid';
}

/** No Medicaid plan may allow the fee, whatever its switch says: checked on write and on read. */
export function payerForbidsMissedAppointmentFees(kind: PayerKind, policy: PayerPolicy): boolean {
  return isMedicaid(kind) || !policy.missedAppointmentFeesAllowed;
}

export function assertPayerPolicy(payer: Pick<PayerRegistration, 'payerId' | 'kind' | 'policy'>): void {
  if (isMedicaid(payer.kind) && payer.policy.missedAppointmentFeesAllowed) {
    throw new InvalidPayerPolicy(payer.payerId, 'Medicaid members may not be charged missed-appointment fees');
  }
}
