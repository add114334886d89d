import type { CodingEvaluation } from './coding.events';
import type { CodingState } from './coding.state';

/** What the coding routes answer: the draft or approved coding as the coder sees it. */
export interface CodingView extends CodingEvaluation {
  encounterId: string;
  status: 'draft' | 'approved' | 'withdrawn';
  codingVersion: number;
  dateOfService: string;
  payerId?: string;
  payerKind?: string;
}

export function codingViewOf(state: Exclude<CodingState, { status: 'none' }>): CodingView {
  const request = state.request;
  return {
    encounterId: state.subject.encounterId,
    status: state.status,
    codingVersion: state.codingVersion,
    dateOfService: state.subject.dateOfService,
    ...(request?.payerId === undefined ? {} : { payerId: request.payerId }),
    ...(request?.payerKind === undefined ? {} : { payerKind: request.payerKind }),
    ...state.evaluation,
  };
}
