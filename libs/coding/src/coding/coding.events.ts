import type { SignedEncounterFacts } from '@revcycle/encounters';
import type { DomainEvent } from '@revcycle/event-store';
import type { LocalDate } from '@revcycle/kernel';

import type { ApprovedCodingLine, CodingApproved, CodingWithdrawn } from '../contracts/coding.public-events';
import type { EvaluateCodingRequest } from '../evaluate/evaluate-coding.request';
import type { CodingFinding } from '../rules/coding-finding';

/** A line of a draft: the suggested line, or the line as a coder left it. */
export type DraftCodingLine = ApprovedCodingLine;

/** Lines with their findings, and the rules and code-set releases that produced them (issue 4). */
export interface CodingEvaluation {
  lines: DraftCodingLine[];
  findings: CodingFinding[];
  rulesetVersion: string;
  codeSetReleaseIds: string[];
}

/** Who and what the coding is about; ids only. */
export interface CodingSubject {
  encounterId: string;
  patientId: string;
  part2: { sourceProgramId: string } | null;
  renderingProviderId: string;
  dateOfService: LocalDate;
}

/** `request` is null while the payer or the provider's credential is unknown, so nothing could be suggested. */
export type CodingSuggestion = { request: EvaluateCodingRequest | null } & CodingEvaluation;

/** The signed facts a suggestion came from (billable facts only, per the encounters contract), kept to refresh it. */
export type FactsAndSuggestion = { facts: SignedEncounterFacts } & CodingSuggestion;

export type CodingDraftOpened = DomainEvent<
  'coding.CodingDraftOpened',
  CodingSubject & FactsAndSuggestion & { codingVersion: number; sourceEventId: string; openedAt: string }
>;

/** What an addendum may move besides the lines: the date of service and the rendering provider. */
export interface AddendumChanges {
  encounterId: string;
  addendumId: string;
  dateOfService: LocalDate;
  renderingProviderId: string;
}

/** An addendum before approval: the suggestion is rebuilt from the amended facts. */
export type CodingDraftRevised = DomainEvent<'coding.CodingDraftRevised', AddendumChanges & FactsAndSuggestion>;

/** An addendum after approval reopens the coding as its next version. */
export type CodingReopened = DomainEvent<
  'coding.CodingReopened',
  AddendumChanges & FactsAndSuggestion & { codingVersion: number; reopenedAt: string }
>;

/** A coder rebuilt the suggestion after the payer, the credential or the payer's rules were recorded. */
export type CodingDraftRefreshed = DomainEvent<'coding.CodingDraftRefreshed', { encounterId: string; refreshedBy: string; refreshedAt: string } & CodingSuggestion>;

export const LINE_FIELDS = ['code', 'modifiers', 'units', 'diagnosisPointers'] as const;
export type LineField = (typeof LINE_FIELDS)[number];

/** A coder's change to one line, with who and why; `evaluation` is the draft after re-checking. */
export type CodedLineChanged = DomainEvent<
  'coding.CodedLineChanged',
  {
    encounterId: string;
    lineIndex: number;
    field: LineField;
    before: DraftCodingLine;
    after: DraftCodingLine;
    reason: string;
    changedBy: string;
    changedAt: string;
    evaluation: CodingEvaluation;
  }
>;

export type CodingEvent =
  | CodingDraftOpened
  | CodingDraftRevised
  | CodingReopened
  | CodingDraftRefreshed
  | CodedLineChanged
  | CodingApproved
  | CodingWithdrawn;
