import type { DomainEvent } from '@revcycle/event-store';
import type { Cents, LocalDate } from '@revcycle/kernel';

/**
 * Events other contexts may consume (house-style P5): encounters open from a completed
 * appointment, collections posts missed-appointment fees to the patient account. Version 1;
 * a breaking change bumps schemaVersion with an upcaster, the type strings never change.
 */
export type AppointmentModality = 'in_person' | 'video' | 'audio_only';

export interface CompletedAppointment {
  appointmentId: string;
  patientId: string;
  providerId: string;
  locationId: string;
  modality: AppointmentModality;
  serviceCode: string;
  dateOfService: LocalDate;
  start: string;
  end: string;
  completedAt: string;
}

export interface MissedAppointmentFee {
  appointmentId: string;
  patientId: string;
  dateOfService: LocalDate;
  amountCents: Cents;
}

export type AppointmentCompleted = DomainEvent<'scheduling.AppointmentCompleted', CompletedAppointment>;
export type LateCancelFeeCharged = DomainEvent<'scheduling.LateCancelFeeCharged', MissedAppointmentFee>;
export type NoShowFeeCharged = DomainEvent<'scheduling.NoShowFeeCharged', MissedAppointmentFee>;

export type SchedulingPublicEvent = AppointmentCompleted | LateCancelFeeCharged | NoShowFeeCharged;
