import type { DomainEvent } from '@revcycle/event-store';
import type { LocalDate } from '@revcycle/kernel';

import type {
  AppointmentCompleted,
  AppointmentModality,
  LateCancelFeeCharged,
  NoShowFeeCharged,
} from '../contracts/scheduling.public-events';

export interface AppointmentDetails {
  appointmentId: string;
  patientId: string;
  providerId: string;
  locationId: string;
  modality: AppointmentModality;
  /** The planned CPT/HCPCS code, matched against authorizations when booking. */
  serviceCode: string;
  plannedUnits: number;
  start: string;
  end: string;
  dateOfService: LocalDate;
  seriesId: string | null;
}

/** Reasons are codes, never free text: a typed reason could carry a diagnosis into the log. */
export const CANCELLATION_REASONS = [
  'illness',
  'schedule_conflict',
  'transportation',
  'weather',
  'provider_unavailable',
  'practice_closure',
  'other',
] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];

export type AppointmentBooked = DomainEvent<'scheduling.AppointmentBooked', AppointmentDetails>;
export type AppointmentRescheduled = DomainEvent<
  'scheduling.AppointmentRescheduled',
  { appointmentId: string; start: string; end: string; dateOfService: LocalDate }
>;
export type AppointmentCancelled = DomainEvent<
  'scheduling.AppointmentCancelled',
  { appointmentId: string; cancelledBy: 'patient' | 'practice'; reason: CancellationReason; late: boolean }
>;
export type PatientNoShowRecorded = DomainEvent<'scheduling.PatientNoShowRecorded', { appointmentId: string }>;
export type PatientCheckedIn = DomainEvent<'scheduling.PatientCheckedIn', { appointmentId: string; checkedInAt: string }>;
/** The fee was due but the primary payer forbids it; kept so fee reports can show why nothing was charged. */
export type MissedAppointmentFeeWaived = DomainEvent<
  'scheduling.MissedAppointmentFeeWaived',
  { appointmentId: string; kind: 'late_cancel' | 'no_show'; reason: 'payer_forbids' }
>;

export type AppointmentEvent =
  | AppointmentBooked
  | AppointmentRescheduled
  | AppointmentCancelled
  | PatientNoShowRecorded
  | PatientCheckedIn
  | AppointmentCompleted
  | LateCancelFeeCharged
  | NoShowFeeCharged
  | MissedAppointmentFeeWaived;
