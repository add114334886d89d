import { canonicalJson, isLocalDate, ValidationFailed, type FieldViolation } from '@revcycle/kernel';

import type { FeeScheduleEntry } from '../../rules/fee-schedule';
import { sameFeeSlot, type FeeScheduleEntrySet, type FeeScheduleState } from '../fee-schedule.state';

export interface SetFeeScheduleEntry {
  payerId: string;
  entry: FeeScheduleEntry;
}

/** Money is integer cents (house style §5); a row for the same code, modifier and start replaces the old one. */
export function decideSetFeeScheduleEntry(command: SetFeeScheduleEntry, state: FeeScheduleState): FeeScheduleEntrySet[] {
  const { entry } = command;
  const violations: FieldViolation[] = [];
  if (!isLocalDate(entry.effectiveFrom)) violations.push({ path: 'effectiveFrom', message: 'must be a YYYY-MM-DD date' });
  if (entry.effectiveTo !== undefined && (!isLocalDate(entry.effectiveTo) || entry.effectiveTo < entry.effectiveFrom)) {
    violations.push({ path: 'effectiveTo', message: 'must be a date on or after effectiveFrom' });
  }
  for (const field of ['unitChargeCents', 'unitContractedCents'] as const) {
    const value = entry[field];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) violations.push({ path: field, message: 'must be whole cents, zero or more' });
  }
  if (violations.length > 0) throw new ValidationFailed(violations);
  const held = state.byPayer[command.payerId]?.find((candidate) => sameFeeSlot(candidate, entry));
  if (held && canonicalJson(held) === canonicalJson(entry)) return [];
  return [{ type: 'coding.FeeScheduleEntrySet', data: { payerId: command.payerId, entry } }];
}
