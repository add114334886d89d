import type { DomainEvent } from '@revcycle/event-store';
import type { LocalDate } from '@revcycle/kernel';

import type { CodedLine } from '../rules/coding-finding';

/** A claim line: diagnosis pointers are 1-based into `diagnoses` (837P SV107). */
export interface ApprovedCodingLine extends CodedLine {
  /** Why a distinct-service modifier (59, XE/XS/XP/XU) bypasses an NCCI pair [MD8]. */
  distinctServiceReason?: string;
}

export interface CodingApprovalOverride {
  reason: string;
  /** The error findings the coder approved over, by rule id. */
  overriddenRuleIds: string[];
}

/**
 * What the claims context consumes (house-style P5), version 1: an approved coding of one encounter.
 * Codes, amounts and ids only, never note text. A later addendum reopens the coding and its next
 * approval carries a higher `codingVersion`, which replaces the earlier one for the claim.
 */
export type CodingApproved = DomainEvent<
  'coding.CodingApproved',
  {
    encounterId: string;
    patientId: string;
    part2: { sourceProgramId: string } | null;
    renderingProviderId: string;
    codingVersion: number;
    dateOfService: LocalDate;
    payerId?: string;
    payerKind?: string;
    /** ICD-10-CM without the dot, claim order (837P HI). */
    diagnoses: string[];
    lines: ApprovedCodingLine[];
    rulesetVersion: string;
    codeSetReleaseIds: string[];
    override: CodingApprovalOverride | null;
    approvedBy: string;
    approvedAt: string;
  }
>;

/**
 * The encounter was voided as entered in error (encounters.EncounterVoided): the claims context voids
 * or never opens the claim. `wasApproved` says whether a CodingApproved had been published.
 */
export type CodingWithdrawn = DomainEvent<
  'coding.CodingWithdrawn',
  { encounterId: string; patientId: string; dateOfService: LocalDate; codingVersion: number; reason: string; wasApproved: boolean; withdrawnAt: string }
>;

export type CodingPublicEvent = CodingApproved | CodingWithdrawn;
