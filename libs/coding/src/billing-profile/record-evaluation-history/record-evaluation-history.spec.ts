import { evolveEvaluationHistory, initialEvaluationHistoryState, lastEvaluationBefore, type EvaluationHistoryEvent } from '../evaluation-history.state';
import { decideRecordEvaluationHistory } from './record-evaluation-history.command';

const given = (events: EvaluationHistoryEvent[]) => events.reduce(evolveEvaluationHistory, initialEvaluationHistoryState);
const billed = (encounterId: string, dateOfService: string) => ({ patientId: 'p-1', encounterId, dateOfService, billed: true });

describe('RecordEvaluationHistory', () => {
  it('adds an approved evaluation once and replaces its date when re-approved', () => {
    const first = decideRecordEvaluationHistory(billed('e-1', '2026-01-10'), given([]));
    expect(first).toEqual([{ type: 'coding.DiagnosticEvaluationBilled', data: { patientId: 'p-1', encounterId: 'e-1', dateOfService: '2026-01-10' } }]);
    expect(decideRecordEvaluationHistory(billed('e-1', '2026-01-10'), given(first))).toEqual([]);
    const moved = [...first, ...decideRecordEvaluationHistory(billed('e-1', '2026-01-12'), given(first))];
    expect(given(moved).evaluations).toEqual([{ encounterId: 'e-1', dateOfService: '2026-01-12' }]);
  });

  it('removes an evaluation when its coding is withdrawn or re-approved without one', () => {
    const first = decideRecordEvaluationHistory(billed('e-1', '2026-01-10'), given([]));
    const removed = decideRecordEvaluationHistory({ ...billed('e-1', '2026-01-10'), billed: false }, given(first));
    expect(removed).toEqual([{ type: 'coding.DiagnosticEvaluationWithdrawn', data: { patientId: 'p-1', encounterId: 'e-1' } }]);
    expect(given([...first, ...removed]).evaluations).toEqual([]);
    expect(decideRecordEvaluationHistory({ ...billed('e-2', '2026-01-10'), billed: false }, given([]))).toEqual([]);
  });

  it('finds the last evaluation on or before the date of service, never the encounter being coded', () => {
    const history = given([
      ...decideRecordEvaluationHistory(billed('e-1', '2025-06-01'), given([])),
      { type: 'coding.DiagnosticEvaluationBilled', data: { patientId: 'p-1', encounterId: 'e-2', dateOfService: '2026-01-10' } },
      { type: 'coding.DiagnosticEvaluationBilled', data: { patientId: 'p-1', encounterId: 'e-3', dateOfService: '2026-05-01' } },
    ]);
    expect(lastEvaluationBefore(history, 'e-9', '2026-03-04')).toBe('2026-01-10');
    expect(lastEvaluationBefore(history, 'e-2', '2026-03-04')).toBe('2025-06-01');
    expect(lastEvaluationBefore(history, 'e-9', '2025-01-01')).toBeUndefined();
  });
});
