import { isLocalDate, ValidationFailed } from '@revcycle/kernel';

import type { PatientPayerRecorded, PatientPayerState } from '../billing-profile.state';

export type RecordPatientPayer = PatientPayerRecorded['data'];

/** The same assignment twice is a no-op; a new start date adds a period. */
export function decideRecordPatientPayer(command: RecordPatientPayer, state: PatientPayerState): PatientPayerRecorded[] {
  if (!isLocalDate(command.effectiveFrom)) throw new ValidationFailed([{ path: 'effectiveFrom', message: 'must be a YYYY-MM-DD date' }]);
  const held = state.assignments.find((assignment) => assignment.effectiveFrom === command.effectiveFrom);
  if (held && held.payerId === command.payerId && held.payerKind === command.payerKind) return [];
  return [{ type: 'coding.PatientPayerRecorded', data: command }];
}
