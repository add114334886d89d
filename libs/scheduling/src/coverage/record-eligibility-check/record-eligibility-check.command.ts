import { localDateOf, type CommandContext, type LocalDate } from '@revcycle/kernel';

import type { EligibilityChecked, EligibilityOutcome } from '../coverage.events';
import { CoverageNotFound, InvalidEligibilityCheck } from '../coverage.errors';
import type { CoverageState } from '../coverage.state';

export interface RecordEligibilityCheck {
  context: CommandContext;
  coverageId: string;
  checkId: string;
  checkedOn: LocalDate;
  outcome: EligibilityOutcome;
}

const BASIS_POINTS_IN_FULL = 10_000;

/** Every check is kept (payers dispute what was verified and when); the latest drives warnings. */
export function decideRecordEligibilityCheck(
  command: RecordEligibilityCheck,
  state: CoverageState,
): EligibilityChecked[] {
  const { coverageId, checkId, checkedOn, outcome } = command;
  if (state.status !== 'on_file') throw new CoverageNotFound(coverageId);
  if (state.lastCheck?.checkId === checkId) return [];
  if (checkedOn > localDateOf(command.context.now)) {
    throw new InvalidEligibilityCheck(coverageId, 'An eligibility check cannot be dated in the future');
  }
  const coinsurance = outcome.coinsuranceBasisPoints;
  if (coinsurance !== null && (coinsurance < 0 || coinsurance > BASIS_POINTS_IN_FULL)) {
    throw new InvalidEligibilityCheck(coverageId, 'Coinsurance must lie between 0 and 100 percent');
  }
  return [{ type: 'scheduling.EligibilityChecked', data: { coverageId, checkId, checkedOn, outcome } }];
}
