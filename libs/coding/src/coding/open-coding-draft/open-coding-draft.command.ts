import type { SignedEncounterFacts } from '@revcycle/encounters';

import type { CodingEvent, CodingSubject, CodingSuggestion } from '../coding.events';
import type { CodingState } from '../coding.state';

/** Issued by the policy when an encounter is signed; the suggestion was computed from its facts. */
export interface OpenCodingDraft {
  subject: CodingSubject;
  facts: SignedEncounterFacts;
  sourceEventId: string;
  suggestion: CodingSuggestion;
  openedAt: string;
}

/** One coding per encounter: a second signing event (a redelivery) opens nothing. */
export function decideOpenCodingDraft(command: OpenCodingDraft, state: CodingState): CodingEvent[] {
  if (state.status !== 'none') return [];
  return [
    {
      type: 'coding.CodingDraftOpened',
      data: { ...command.subject, facts: command.facts, ...command.suggestion, codingVersion: 1, sourceEventId: command.sourceEventId, openedAt: command.openedAt },
    },
  ];
}
