import type { SignedEncounterFacts } from '@revcycle/encounters';

import type { AddendumChanges, CodingEvent, CodingSuggestion } from '../coding.events';
import type { CodingState } from '../coding.state';

/** Issued by the policy for an addendum to a signed encounter, with the suggestion for the amended facts. */
export interface ReviseCodingForAddendum extends AddendumChanges {
  facts: SignedEncounterFacts;
  suggestion: CodingSuggestion;
  recordedAt: string;
}

/**
 * An addendum changes the billable facts, so the suggestion is rebuilt: a draft is revised (a coder's
 * edits to the old facts are replaced), an approved coding reopens as its next version (issue 4). A
 * redelivered addendum changes nothing; signing always precedes an addendum in the log, so an encounter
 * without a coding has nothing to revise, and a withdrawn coding stays withdrawn.
 */
export function decideReviseCodingForAddendum(command: ReviseCodingForAddendum, state: CodingState): CodingEvent[] {
  if (state.status === 'none' || state.status === 'withdrawn' || state.appliedSourceIds.includes(command.addendumId)) return [];
  const { suggestion, recordedAt: _recordedAt, ...changes } = command;
  const base = { ...changes, ...suggestion };
  if (state.status === 'draft') return [{ type: 'coding.CodingDraftRevised', data: base }];
  return [{ type: 'coding.CodingReopened', data: { ...base, codingVersion: state.codingVersion + 1, reopenedAt: command.recordedAt } }];
}
