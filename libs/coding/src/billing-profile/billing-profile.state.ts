import type { DomainEvent } from '@revcycle/event-store';
import { isWithin, type LocalDate } from '@revcycle/kernel';

import type { PayerKind } from '../rules/payer-rules';

/**
 * What coding needs beyond the signed facts: the patient's payer and the provider's credential. The
 * scheduling context does not publish them (yet), so coding keeps its own record, set by the practice.
 */
export type PatientPayerRecorded = DomainEvent<
  'coding.PatientPayerRecorded',
  { patientId: string; payerId?: string; payerKind: PayerKind; effectiveFrom: LocalDate }
>;
export type ProviderCredentialRecorded = DomainEvent<'coding.ProviderCredentialRecorded', { providerId: string; credential: string }>;

export type PatientPayerState = { assignments: PatientPayerRecorded['data'][] };
export type ProviderCredentialState = { credential?: string };

export const initialPatientPayerState: PatientPayerState = { assignments: [] };
export const initialProviderCredentialState: ProviderCredentialState = {};

export const patientPayerStreamId = (patientId: string): string => `patient-payer-${patientId}`;
export const providerCredentialStreamId = (providerId: string): string => `provider-credential-${providerId}`;

export function evolvePatientPayer(state: PatientPayerState, event: DomainEvent): PatientPayerState {
  if (event.type !== 'coding.PatientPayerRecorded') return state;
  const data = (event as PatientPayerRecorded).data;
  return { assignments: [...state.assignments.filter((held) => held.effectiveFrom !== data.effectiveFrom), data] };
}

export function evolveProviderCredential(state: ProviderCredentialState, event: DomainEvent): ProviderCredentialState {
  return event.type === 'coding.ProviderCredentialRecorded' ? { credential: (event as ProviderCredentialRecorded).data.credential } : state;
}

/** The payer in force on the date of service: the assignment with the latest start on or before it. */
export function payerOn(state: PatientPayerState, dateOfService: LocalDate): { payerId?: string; payerKind: PayerKind } | undefined {
  const found = state.assignments
    .filter((held) => isWithin(dateOfService, held.effectiveFrom))
    .reduce<PatientPayerRecorded['data'] | undefined>((best, held) => (!best || held.effectiveFrom > best.effectiveFrom ? held : best), undefined);
  if (!found) return undefined;
  return found.payerId === undefined ? { payerKind: found.payerKind } : { payerId: found.payerId, payerKind: found.payerKind };
}
