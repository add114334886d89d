import type { DomainEvent } from '@revcycle/event-store';
import type { LocalDate } from '@revcycle/kernel';

/**
 * The client's billed diagnostic evaluations (90791/90792): repeating one is payer policy [CR6], and
 * the rule needs the date of the last one, which a single encounter does not know.
 */
export type DiagnosticEvaluationBilled = DomainEvent<'coding.DiagnosticEvaluationBilled', { patientId: string; encounterId: string; dateOfService: LocalDate }>;
export type DiagnosticEvaluationWithdrawn = DomainEvent<'coding.DiagnosticEvaluationWithdrawn', { patientId: string; encounterId: string }>;
export type EvaluationHistoryEvent = DiagnosticEvaluationBilled | DiagnosticEvaluationWithdrawn;

export interface EvaluationHistoryState {
  evaluations: { encounterId: string; dateOfService: LocalDate }[];
}

export const initialEvaluationHistoryState: EvaluationHistoryState = { evaluations: [] };

export const evaluationHistoryStreamId = (patientId: string): string => `patient-evaluations-${patientId}`;

/** One entry per encounter: a re-approved coding replaces its encounter's date. */
export function evolveEvaluationHistory(state: EvaluationHistoryState, event: DomainEvent): EvaluationHistoryState {
  const e = event as EvaluationHistoryEvent;
  if (e.type !== 'coding.DiagnosticEvaluationBilled' && e.type !== 'coding.DiagnosticEvaluationWithdrawn') return state;
  const others = state.evaluations.filter((held) => held.encounterId !== e.data.encounterId);
  if (e.type === 'coding.DiagnosticEvaluationWithdrawn') return { evaluations: others };
  return { evaluations: [...others, { encounterId: e.data.encounterId, dateOfService: e.data.dateOfService }] };
}

/** The latest evaluation on or before the date of service, other than the encounter being coded. */
export function lastEvaluationBefore(state: EvaluationHistoryState, encounterId: string, dateOfService: LocalDate): LocalDate | undefined {
  return state.evaluations
    .filter((held) => held.encounterId !== encounterId && held.dateOfService <= dateOfService)
    .map((held) => held.dateOfService)
    .sort()
    .pop();
}
