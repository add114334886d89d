import type { SignedEncounterFacts } from '@revcycle/encounters';
import type { DomainEvent } from '@revcycle/event-store';

import type { CodingEvaluation, CodingEvent, CodingSubject } from './coding.events';
import type { EvaluateCodingRequest } from '../evaluate/evaluate-coding.request';

interface CodingBody {
  subject: CodingSubject;
  codingVersion: number;
  facts: SignedEncounterFacts;
  request: EvaluateCodingRequest | null;
  evaluation: CodingEvaluation;
  /** Source events already applied (the signing and each addendum), so a redelivery changes nothing. */
  appliedSourceIds: string[];
}

/**
 * The coding of one signed encounter (issue 4): a draft a coder reviews, then approved as the claim's
 * input; an addendum after approval reopens it as the next version; a voided encounter withdraws it.
 */
export type CodingState =
  | { status: 'none' }
  | ({ status: 'draft' } & CodingBody)
  | ({ status: 'approved'; approvedAt: string } & CodingBody)
  | ({ status: 'withdrawn'; withdrawnAt: string } & CodingBody);

export const initialCodingState: CodingState = { status: 'none' };

export function codingStreamId(encounterId: string): string {
  return `coding-${encounterId}`;
}

const evaluationOf = (data: CodingEvaluation): CodingEvaluation => ({
  lines: data.lines,
  findings: data.findings,
  rulesetVersion: data.rulesetVersion,
  codeSetReleaseIds: data.codeSetReleaseIds,
});

export function evolveCoding(state: CodingState, event: DomainEvent): CodingState {
  const e = event as CodingEvent;
  if (e.type === 'coding.CodingDraftOpened') {
    const { encounterId, patientId, part2, renderingProviderId, dateOfService } = e.data;
    return {
      status: 'draft',
      subject: { encounterId, patientId, part2, renderingProviderId, dateOfService },
      codingVersion: e.data.codingVersion,
      facts: e.data.facts,
      request: e.data.request,
      evaluation: evaluationOf(e.data),
      appliedSourceIds: [e.data.sourceEventId],
    };
  }
  if (state.status === 'none') return state;
  switch (e.type) {
    case 'coding.CodingDraftRevised':
      return {
        ...state,
        subject: { ...state.subject, dateOfService: e.data.dateOfService, renderingProviderId: e.data.renderingProviderId },
        facts: e.data.facts,
        request: e.data.request,
        evaluation: evaluationOf(e.data),
        appliedSourceIds: [...state.appliedSourceIds, e.data.addendumId],
      };
    case 'coding.CodingReopened':
      return {
        status: 'draft',
        subject: { ...state.subject, dateOfService: e.data.dateOfService, renderingProviderId: e.data.renderingProviderId },
        codingVersion: e.data.codingVersion,
        facts: e.data.facts,
        request: e.data.request,
        evaluation: evaluationOf(e.data),
        appliedSourceIds: [...state.appliedSourceIds, e.data.addendumId],
      };
    case 'coding.CodingDraftRefreshed':
      return { ...state, request: e.data.request, evaluation: evaluationOf(e.data) };
    case 'coding.CodedLineChanged':
      return { ...state, evaluation: e.data.evaluation };
    case 'coding.CodingApproved':
      return { ...state, status: 'approved', approvedAt: e.data.approvedAt };
    case 'coding.CodingWithdrawn':
      return { ...state, status: 'withdrawn', withdrawnAt: e.data.withdrawnAt };
    default:
      return state;
  }
}
