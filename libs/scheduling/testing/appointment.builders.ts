import type { CommandContext, Role } from '@revcycle/kernel';

import type { AppointmentDetails, AppointmentEvent } from '../src/appointment/appointment.events';
import { evolveAppointment, initialAppointmentState, type AppointmentState } from '../src/appointment/appointment.state';
import type { MissedAppointmentFeeTerms } from '../src/appointment/missed-appointment-fee';
import type { PayerPolicy } from '../src/payer/payer.events';

/** Synthetic ids only; the practice zone is New York and the default session 14:00–14:53 UTC. */
export const APPOINTMENT_ID = '0190a8f2-4c1e-7a10-9d2b-0000000000a1';
export const PATIENT_ID = '0190a8f2-4c1e-7a10-9d2b-0000000000c1';
export const PROVIDER_ID = '0190a8f2-4c1e-7a10-9d2b-0000000000b1';
export const TIME_ZONE = 'America/New_York';

export function schedulingContext(now = new Date('2025-03-01T12:00:00Z'), role: Role = 'front_desk'): CommandContext {
  return { tenantId: 'tenant-1', actor: { id: 'user-1', role }, correlationId: 'corr-1', now };
}

export function appointmentDetails(overrides: Partial<AppointmentDetails> = {}): AppointmentDetails {
  return {
    appointmentId: APPOINTMENT_ID,
    patientId: PATIENT_ID,
    providerId: PROVIDER_ID,
    locationId: 'loc-1',
    modality: 'in_person',
    serviceCode: '90837',
    plannedUnits: 1,
    start: '2025-03-04T14:00:00Z',
    end: '2025-03-04T14:53:00Z',
    dateOfService: '2025-03-04',
    seriesId: null,
    ...overrides,
  };
}

export function appointmentBooked(overrides: Partial<AppointmentDetails> = {}): AppointmentEvent {
  return { type: 'scheduling.AppointmentBooked', data: appointmentDetails(overrides) };
}

export function givenAppointment(events: AppointmentEvent[]): AppointmentState {
  return events.reduce(evolveAppointment, initialAppointmentState);
}

export function payerPolicy(overrides: Partial<PayerPolicy> = {}): PayerPolicy {
  return {
    telehealthModifier: '95',
    credentialModifiersRequired: false,
    unitRounding: 'cpt_midpoint',
    missedAppointmentFeesAllowed: true,
    priorAuthorizationRequired: false,
    ...overrides,
  };
}

/** A 24-hour window, $50 late cancel, $75 no-show, and a commercial primary payer that allows fees. */
export function feeTerms(primaryPayer: MissedAppointmentFeeTerms['primaryPayer'] = { kind: 'commercial', policy: payerPolicy() }): MissedAppointmentFeeTerms {
  return { policies: { lateCancelWindowHours: 24, lateCancelFeeCents: 5_000, noShowFeeCents: 7_500 }, primaryPayer };
}
