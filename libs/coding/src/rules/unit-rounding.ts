// Unit math for 15-minute HCPCS services is payer policy (billing-rules.md §7), never a constant.

export type UnitRoundingMethod = 'cms_8_minute' | 'fifty_one_percent';

export const UNIT_MINUTES = 15;

/**
 * CMS 8-minute rule: 8-22 minutes one unit, 23-37 two, and so on; under 8 nothing (issue 4, [HC3]).
 * 51% rule: a unit counts once 51% of its length is met [HC2]. For one service both give the same count
 * (8 minutes is the first whole minute past 51% of 15); the CMS rule pools the timed minutes of a day's
 * services before counting (unverified), which needs the day's other encounters, beyond one evaluation.
 */
export function unitsForMinutes(minutes: number, method: UnitRoundingMethod, unitMinutes = UNIT_MINUTES): number {
  if (!Number.isInteger(minutes) || minutes <= 0) return 0;
  const threshold = method === 'cms_8_minute' ? Math.floor(unitMinutes / 2) + 1 : Math.ceil(unitMinutes * 0.51);
  return minutes < threshold ? 0 : Math.floor((minutes - threshold) / unitMinutes) + 1;
}
