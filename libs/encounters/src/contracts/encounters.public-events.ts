import type { DomainEvent } from '@revcycle/event-store';
import type { LocalDate } from '@revcycle/kernel';

/**
 * The contract the coding context consumes (house-style P5), version 1. Billable facts only:
 * no field may hold note text (psychotherapy notes, 45 CFR 164.501; security.md PN-1).
 */
export const SERVICE_CATEGORIES = [
  'diagnostic_evaluation',
  'diagnostic_evaluation_medical',
  'individual_psychotherapy',
  'psychotherapy_with_em',
  'family_without_patient',
  'family_with_patient',
  'group',
  'multiple_family_group',
  'crisis',
  'psychological_testing',
  'screening_instruments',
  'medication_management',
  'case_management',
  'community_support',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export type EncounterModality = 'in_person' | 'video' | 'audio_only';

/** The four documented factors that justify +90785 (billing-rules.md §3). */
export type InteractiveComplexityFactor =
  | 'maladaptive_communication'
  | 'caregiver_interference'
  | 'sentinel_event_disclosure'
  | 'communication_barrier_devices';

export type ParticipantRole = 'patient' | 'family_member' | 'caregiver' | 'interpreter' | 'other_client';

export interface EncounterFacts {
  dateOfService: LocalDate;
  startTime: string;
  endTime: string;
  /** Derived from start and end, never entered: time-based codes key on it (billing-rules.md §1). */
  minutes: number;
  serviceCategory: ServiceCategory | null;
  modality: EncounterModality;
  /** Where the patient was during telehealth: home → POS 10, elsewhere → POS 02 (CMS POS set). */
  patientLocation: 'home' | 'other' | null;
  placeOfService: string | null;
  participants: ParticipantRole[];
  renderingProviderId: string;
  supervisingProviderId: string | null;
  /** ICD-10-CM, in claim order (837P HI segment holds 12). */
  diagnoses: string[];
  interactiveComplexityFactors: InteractiveComplexityFactor[];
  emMinutes: number | null;
  /** The E/M level the clinician chose (CPT 99202-99215) for a visit with medical services. */
  emCode?: string | null;
  instrumentCount: number | null;
  testingMinutes: number | null;
}

export type SignedEncounterFacts = EncounterFacts & { serviceCategory: ServiceCategory; placeOfService: string };

/** Copied from the patient's 42 CFR Part 2 label so every derived claim line carries it (security.md P2-1). */
export type Part2Label = { sourceProgramId: string } | null;

export type EncounterSigned = DomainEvent<
  'encounters.EncounterSigned',
  {
    encounterId: string;
    patientId: string;
    appointmentId: string | null;
    part2: Part2Label;
    facts: SignedEncounterFacts;
    signedByProviderId: string;
    signedAt: string;
  }
>;

export type AddendumReason = 'correction' | 'late_entry' | 'clarification';

export type EncounterAddendumRecorded = DomainEvent<
  'encounters.EncounterAddendumRecorded',
  {
    encounterId: string;
    addendumId: string;
    reason: AddendumReason;
    changedFields: Array<keyof EncounterFacts>;
    facts: SignedEncounterFacts;
    recordedByProviderId: string;
    recordedAt: string;
  }
>;

export type VoidReason = 'wrong_patient' | 'duplicate' | 'service_not_rendered' | 'other_error';

/** Entered in error: coding withdraws any charge built from this encounter. */
export type EncounterVoided = DomainEvent<
  'encounters.EncounterVoided',
  { encounterId: string; reason: VoidReason; wasSigned: boolean; voidedAt: string }
>;

export type EncountersPublicEvent = EncounterSigned | EncounterAddendumRecorded | EncounterVoided;
