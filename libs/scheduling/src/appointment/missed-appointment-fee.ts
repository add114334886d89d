import type { LateCancelFeeCharged, NoShowFeeCharged } from '../contracts/scheduling.public-events';
import type { PayerKind, PayerPolicy } from '../payer/payer.events';
import { payerForbidsMissedAppointmentFees } from '../payer/payer.state';
import type { PracticePolicies } from '../practice/practice.events';
import type { AppointmentDetails, MissedAppointmentFeeWaived } from './appointment.events';

/**
 * What a missed session may cost the patient: the practice's fee, unless the primary payer
 * forbids it (Medicaid, 42 CFR 447.15; some commercial and VA programs, billing-rules.md §15).
 * `primaryPayer` is null for self-pay and uninsured patients, who may be charged.
 */
export interface MissedAppointmentFeeTerms {
  policies: Pick<PracticePolicies, 'lateCancelWindowHours' | 'lateCancelFeeCents' | 'noShowFeeCents'>;
  primaryPayer: { kind: PayerKind; policy: PayerPolicy } | null;
}

export type MissedAppointmentFeeEvent = LateCancelFeeCharged | NoShowFeeCharged | MissedAppointmentFeeWaived;

/** Called only on the transition into `cancelled` or `no_show`, both terminal: a fee is decided once. */
export function missedAppointmentFee(
  kind: 'late_cancel' | 'no_show',
  appointment: AppointmentDetails,
  terms: MissedAppointmentFeeTerms,
): MissedAppointmentFeeEvent[] {
  const amountCents = kind === 'late_cancel' ? terms.policies.lateCancelFeeCents : terms.policies.noShowFeeCents;
  if (amountCents <= 0) return [];
  const { appointmentId, patientId, dateOfService } = appointment;
  const payer = terms.primaryPayer;
  if (payer !== null && payerForbidsMissedAppointmentFees(payer.kind, payer.policy)) {
    return [{ type: 'scheduling.MissedAppointmentFeeWaived', data: { appointmentId, kind, reason: 'payer_forbids' } }];
  }
  const data = { appointmentId, patientId, dateOfService, amountCents };
  return kind === 'late_cancel'
    ? [{ type: 'scheduling.LateCancelFeeCharged', data }]
    : [{ type: 'scheduling.NoShowFeeCharged', data }];
}
