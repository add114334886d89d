import { Cents, isWithin, LocalDate } from '@revcycle/kernel';

import { CodingFinding, finding } from './coding-finding';

/**
 * A practice's charge for one unit of a code from a date on; a modifier-specific row wins over a plain one.
 * The contracted amount is what the payer agreed to pay per unit, kept for underpayment checks (issue 4).
 */
export interface FeeScheduleEntry {
  code: string;
  modifier?: string;
  effectiveFrom: LocalDate;
  effectiveTo?: LocalDate;
  unitChargeCents: Cents;
  unitContractedCents?: Cents;
}

export interface FeeSchedule {
  entries: readonly FeeScheduleEntry[];
}

/** The line's charge (and contracted amount) in cents, unit price × units, or a warning when the schedule has no price. */
export function chargeFor(
  line: { code: string; modifiers: readonly string[]; units: number },
  dateOfService: LocalDate,
  schedule: FeeSchedule,
): { chargeCents?: Cents; contractedCents?: Cents; findings: CodingFinding[] } {
  const inForce = schedule.entries.filter(
    (entry) => entry.code === line.code && isWithin(dateOfService, entry.effectiveFrom, entry.effectiveTo),
  );
  const price =
    inForce.find((entry) => entry.modifier !== undefined && line.modifiers.includes(entry.modifier)) ??
    inForce.find((entry) => entry.modifier === undefined);
  if (!price) {
    const message = `The fee schedule has no charge for ${line.code} on ${dateOfService}.`;
    return { findings: [finding('warning', 'CODING.FEE.NO_CHARGE', message, 'PAYER')] };
  }
  const contracted = price.unitContractedCents === undefined ? {} : { contractedCents: price.unitContractedCents * line.units };
  return { chargeCents: price.unitChargeCents * line.units, ...contracted, findings: [] };
}
