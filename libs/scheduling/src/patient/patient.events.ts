import type { DomainEvent } from '@revcycle/event-store';
import type { LocalDate } from '@revcycle/kernel';

import type { PostalAddress } from '../practice/practice.events';

/**
 * Everything identifying lives under a field named `phi` (HIPAA identifiers, 45 CFR 164.514(b)(2)),
 * so redaction, export and audit code can find it by name. Stream ids and metadata carry only ids.
 */
export interface PatientDemographics {
  firstName: string;
  lastName: string;
  birthDate: LocalDate;
  administrativeSex: 'F' | 'M' | 'U';
  address: PostalAddress;
  phone: string | null;
  email: string | null;
}

export type Guarantor =
  | { kind: 'self' }
  | { kind: 'other'; relationship: 'parent' | 'spouse' | 'legal_guardian' | 'other'; phi: PatientDemographics };

export interface ContactPreferences {
  channels: Array<'phone' | 'sms' | 'email' | 'mail'>;
  appointmentReminders: boolean;
  voicemailAllowed: boolean;
}

/**
 * A 42 CFR Part 2 label comes from the source program that created the records (security.md
 * P2-1), never from diagnosis codes; every later context copies it onto what it derives.
 */
export interface Part2Label {
  sourceProgramId: string;
  effectiveFrom: LocalDate;
}

export type PatientRegistered = DomainEvent<
  'scheduling.PatientRegistered',
  {
    patientId: string;
    phi: PatientDemographics;
    guarantor: Guarantor;
    contactPreferences: ContactPreferences;
    part2: Part2Label | null;
  }
>;
export type PatientDemographicsCorrected = DomainEvent<
  'scheduling.PatientDemographicsCorrected',
  { patientId: string; phi: PatientDemographics }
>;
export type PatientPart2Labelled = DomainEvent<'scheduling.PatientPart2Labelled', { patientId: string } & Part2Label>;

/**
 * The patient stream indexes the patient's coverages and authorizations (each its own stream), so
 * a command can gather the payment picture from streams alone, never from a read model
 * (event-store.md §7).
 */
export type PaymentRecordKind = 'coverage' | 'authorization';
export type PaymentRecordLinked = DomainEvent<
  'scheduling.PaymentRecordLinked',
  { patientId: string; kind: PaymentRecordKind; recordId: string }
>;

export type PatientEvent = PatientRegistered | PatientDemographicsCorrected | PatientPart2Labelled | PaymentRecordLinked;
