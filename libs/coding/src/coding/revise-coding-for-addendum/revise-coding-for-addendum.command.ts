import type { CodingEvent, CodingSubject, CodingSuggestion } from '../coding.events';
import type { CodingState } from '../coding.state';

/** Issued by the policy for an addendum to a signed encounter, with the suggestion for the amended facts. */
export interface ReviseCodingForAddendum {
  subject: CodingSubject;
  addendumId: string;
  suggestion: CodingSuggestion;
  recordedAt: string;
}

/**
 * An addendum changes the billable facts, so the suggestion is rebuilt: a draft is revised (a coder's
 * edits to the old facts are replaced), an approved coding reopens as its next version (issue 4), and
 * an encounter never coded gets its first draft. A redelivered addendum changes nothing.
 */
export function decideReviseCodingForAddendum(command: ReviseCodingForAddendum, state: CodingState): CodingEvent[] {
  const { subject, addendumId, suggestion } = command;
  if (state.status === 'none') {
    return [{ type: 'coding.CodingDraftOpened', data: { ...subject, ...suggestion, codingVersion: 1, sourceEventId: addendumId, openedAt: command.recordedAt } }];
  }
  if (state.appliedSourceIds.includes(addendumId)) return [];
  const base = { encounterId: subject.encounterId, addendumId, dateOfService: subject.dateOfService, ...suggestion };
  if (state.status === 'draft') return [{ type: 'coding.CodingDraftRevised', data: base }];
  return [{ type: 'coding.CodingReopened', data: { ...base, codingVersion: state.codingVersion + 1, reopenedAt: command.recordedAt } }];
}
