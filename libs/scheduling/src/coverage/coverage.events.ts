import type { DomainEvent } from '@revcycle/event-store';
import type { Cents, LocalDate } from '@revcycle/kernel';

export type CoveragePriority = 'primary' | 'secondary' | 'tertiary';

/** Subscriber relationship as the 837P SBR02/PAT01 codes need it (self, spouse, child, other). */
export type SubscriberRelationship = 'self' | 'spouse' | 'child' | 'other';

/** Member ids and the subscriber's identity are PHI (45 CFR 164.514(b)(2)(i)(I)): kept under `phi`. */
export interface CoveragePhi {
  memberId: string;
  subscriber: { firstName: string; lastName: string; birthDate: LocalDate } | null;
}

export interface CoverageTerms {
  coverageId: string;
  patientId: string;
  payerId: string;
  priority: CoveragePriority;
  relationship: SubscriberRelationship;
  groupNumber: string | null;
  effectiveFrom: LocalDate;
  effectiveTo: LocalDate | null;
  phi: CoveragePhi;
}

/** The answer of an eligibility inquiry (X12 270/271 or portal); coinsurance in basis points. */
export interface EligibilityOutcome {
  active: boolean;
  copayCents: Cents | null;
  coinsuranceBasisPoints: number | null;
  deductibleRemainingCents: Cents | null;
  visitLimit: number | null;
  visitsUsed: number | null;
}

export type CoverageAdded = DomainEvent<'scheduling.CoverageAdded', CoverageTerms>;
export type CoverageEnded = DomainEvent<'scheduling.CoverageEnded', { coverageId: string; effectiveTo: LocalDate }>;
export type EligibilityChecked = DomainEvent<
  'scheduling.EligibilityChecked',
  { coverageId: string; checkId: string; checkedOn: LocalDate; outcome: EligibilityOutcome }
>;

export type CoverageEvent = CoverageAdded | CoverageEnded | EligibilityChecked;
