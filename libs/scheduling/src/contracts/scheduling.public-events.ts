import type { DomainEvent } from '@revcycle/event-store';
import type { Cents, LocalDate } from '@revcycle/kernel';

/**
 * Events other contexts may consume (house-style P5): encounters open from a completed
 * appointment, collections posts missed-appointment fees to the patient account and compares
 * bills with Good Faith Estimates. Version 1; a breaking change bumps schemaVersion with an
 * upcaster, the type strings never change.
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
  /**
   * The patient's 42 CFR Part 2 label, copied so the encounter and every claim line carry it
   * (security.md P2-1). Additive to version 1: absent on completions recorded before it existed.
   */
  part2?: { sourceProgramId: string } | null;
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

/** A priced line of a Good Faith Estimate; totals are sessions × units × charge, in cents. */
export interface EstimatedServiceLine {
  serviceCode: string;
  description: string;
  providerId: string;
  sessions: number;
  unitsPerSession: number;
  chargePerUnitCents: Cents;
  totalCents: Cents;
}

/**
 * The estimate given to an uninsured or self-pay patient (No Surprises Act, 45 CFR 149.610). Billing
 * compares charges with `totalCents` for the period; a bill $400 or more above it may be disputed.
 */
export type GoodFaithEstimateIssued = DomainEvent<
  'scheduling.GoodFaithEstimateIssued',
  {
    estimateId: string;
    patientId: string;
    services: EstimatedServiceLine[];
    totalCents: Cents;
    period: { start: LocalDate; end: LocalDate };
    firstSessionOn: LocalDate;
    issuedOn: LocalDate;
    dueBy: LocalDate;
    issuedOnTime: boolean;
  }
>;

export type SchedulingPublicEvent =
  | AppointmentCompleted
  | LateCancelFeeCharged
  | NoShowFeeCharged
  | GoodFaithEstimateIssued;
