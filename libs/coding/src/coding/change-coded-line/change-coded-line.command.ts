import { canonicalJson, ValidationFailed } from '@revcycle/kernel';

import { recheckLines, type CodingRules } from '../coding-evaluation';
import { CodedLineNotFound, CodingAlreadyApproved, CodingAlreadyWithdrawn, CodingNotFound } from '../coding.errors';
import type { CodingEvent, DraftCodingLine, LineField } from '../coding.events';
import type { CodingState } from '../coding.state';

export type LineChange =
  | { field: 'code'; code: string }
  | { field: 'modifiers'; modifiers: string[]; distinctServiceReason?: string }
  | { field: 'units'; units: number }
  | { field: 'diagnosisPointers'; diagnosisPointers: number[] };

/** A coder's change to one line of a draft; `rules` are the code sets and payer data to re-check with. */
export interface ChangeCodedLine {
  encounterId: string;
  lineIndex: number;
  change: LineChange;
  reason: string;
  changedBy: string;
  changedAt: string;
  rules: CodingRules;
}

function applyChange(line: DraftCodingLine, change: LineChange): DraftCodingLine {
  switch (change.field) {
    case 'code':
      return { ...line, code: change.code };
    case 'modifiers': {
      const { distinctServiceReason: _previous, ...rest } = line;
      const reason = change.distinctServiceReason?.trim();
      return { ...rest, modifiers: change.modifiers, ...(reason ? { distinctServiceReason: reason } : {}) };
    }
    case 'units':
      return { ...line, units: change.units };
    case 'diagnosisPointers':
      return { ...line, diagnosisPointers: change.diagnosisPointers };
  }
}

const same = (a: DraftCodingLine, b: DraftCodingLine): boolean => canonicalJson(a) === canonicalJson(b);

/** Every change is its own event with who and why, and the findings re-checked (issue 4). */
export function decideChangeCodedLine(command: ChangeCodedLine, state: CodingState): CodingEvent[] {
  if (state.status === 'none') throw new CodingNotFound(command.encounterId);
  if (state.status === 'approved') throw new CodingAlreadyApproved(command.encounterId, state.codingVersion);
  if (state.status === 'withdrawn') throw new CodingAlreadyWithdrawn(command.encounterId);
  if (!command.reason.trim()) throw new ValidationFailed([{ path: 'reason', message: 'say why the line changes' }]);
  const lines = state.evaluation.lines;
  const before = lines[command.lineIndex];
  if (!before || !state.request) throw new CodedLineNotFound(command.lineIndex, lines.length);
  const after = applyChange(before, command.change);
  if (same(before, after)) return [];
  const edited = lines.map((line, index) => (index === command.lineIndex ? after : line));
  const evaluation = recheckLines(state.request, edited, command.rules);
  const field: LineField = command.change.field;
  return [
    {
      type: 'coding.CodedLineChanged',
      data: {
        encounterId: command.encounterId,
        lineIndex: command.lineIndex,
        field,
        before,
        after: evaluation.lines[command.lineIndex],
        reason: command.reason.trim(),
        changedBy: command.changedBy,
        changedAt: command.changedAt,
        evaluation,
      },
    },
  ];
}
