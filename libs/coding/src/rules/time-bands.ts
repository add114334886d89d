// Minute thresholds of the time-based behavioral-health codes (billing-rules.md §1, §4, §5, §6, §7).

export type PsychotherapyCode = '90832' | '90834' | '90837';
export type PsychotherapyAddOnCode = '90833' | '90836' | '90838';

/** Under 16 minutes no psychotherapy code may be reported [CR1]. */
export const PSYCHOTHERAPY_MINIMUM_MINUTES = 16;

/** 16-37 → 90832, 38-52 → 90834, 53+ → 90837; one code per session, never summed [CR1][CR3]. */
export function psychotherapyCode(minutes: number): PsychotherapyCode | undefined {
  if (minutes < PSYCHOTHERAPY_MINIMUM_MINUTES) return undefined;
  if (minutes <= 37) return '90832';
  return minutes <= 52 ? '90834' : '90837';
}

/** The add-ons beside an E/M follow the same bands [CR1]. */
export function psychotherapyAddOnCode(minutes: number): PsychotherapyAddOnCode | undefined {
  const ADD_ON: Record<PsychotherapyCode, PsychotherapyAddOnCode> = { '90832': '90833', '90834': '90836', '90837': '90838' };
  const code = psychotherapyCode(minutes);
  return code && ADD_ON[code];
}

/** Family psychotherapy 90846/90847 is reportable only when the session exceeds 25 minutes [CR16][CR17]. */
export const FAMILY_MINIMUM_MINUTES = 26;

export const CRISIS_MINIMUM_MINUTES = 30;

/**
 * 90839 covers 30-74 minutes once per day [CR6][CR13]; +90840 each further 30 minutes beyond 74:
 * 75-104 one unit, 105-134 two (the time table is unverified beyond that, billing-rules.md §4).
 */
export function crisisUnits(minutes: number): { firstHour: 1; additional: number } | undefined {
  if (minutes < CRISIS_MINIMUM_MINUTES) return undefined;
  return { firstHour: 1, additional: minutes < 75 ? 0 : Math.floor((minutes - 75) / 30) + 1 };
}

/**
 * Psychological test evaluation 96130 (first hour) and +96131 (each further hour) [CR20], counted by the
 * CPT midpoint rule: an hour is reached at 31 minutes (unverified, billing-rules.md §6), so 96130 from 31
 * minutes and each further unit once 31 minutes of the next hour are done (91, 151, …).
 */
export function testingEvaluationUnits(minutes: number): { firstHour: number; additional: number } {
  if (minutes < 31) return { firstHour: 0, additional: 0 };
  return { firstHour: 1, additional: minutes < 91 ? 0 : Math.floor((minutes - 91) / 60) + 1 };
}

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
