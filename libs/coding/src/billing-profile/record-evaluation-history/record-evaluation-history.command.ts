import type { LocalDate } from '@revcycle/kernel';

import type { EvaluationHistoryEvent, EvaluationHistoryState } from '../evaluation-history.state';

/** From an approval: whether it bills a diagnostic evaluation; from a withdrawal: `billed` is false. */
export interface RecordEvaluationHistory {
  patientId: string;
  encounterId: string;
  dateOfService: LocalDate;
  billed: boolean;
}

/** Keeps the history equal to the approved, not withdrawn, codings; an unchanged entry records nothing. */
export function decideRecordEvaluationHistory(command: RecordEvaluationHistory, state: EvaluationHistoryState): EvaluationHistoryEvent[] {
  const { patientId, encounterId, dateOfService } = command;
  const held = state.evaluations.find((entry) => entry.encounterId === encounterId);
  if (command.billed) {
    if (held?.dateOfService === dateOfService) return [];
    return [{ type: 'coding.DiagnosticEvaluationBilled', data: { patientId, encounterId, dateOfService } }];
  }
  return held ? [{ type: 'coding.DiagnosticEvaluationWithdrawn', data: { patientId, encounterId } }] : [];
}
