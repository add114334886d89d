import type { DomainEvent } from '@revcycle/event-store';
import { addDays, daysBetween, type LocalDate } from '@revcycle/kernel';

import type { GoodFaithEstimateIssued } from '../contracts/scheduling.public-events';
import type { EstimateBasis, GoodFaithEstimateEvent } from './good-faith-estimate.events';

/**
 * Good Faith Estimate (No Surprises Act, 45 CFR 149.610; billing-rules.md §15): issued once and kept
 * as an event so what is billed later can be compared with what was estimated.
 */
export type GoodFaithEstimateState =
  | { status: 'none' }
  | ({ status: 'issued' } & GoodFaithEstimateIssued['data']);

export const initialGoodFaithEstimateState: GoodFaithEstimateState = { status: 'none' };

export function goodFaithEstimateStreamId(estimateId: string): string {
  return `good-faith-estimate-${estimateId}`;
}

export function evolveGoodFaithEstimate(state: GoodFaithEstimateState, event: DomainEvent): GoodFaithEstimateState {
  const e = event as GoodFaithEstimateEvent;
  return e.type === 'scheduling.GoodFaithEstimateIssued' ? { status: 'issued', ...e.data } : state;
}

/** Monday to Friday; federal holidays also count as non-business days under the rule (not modelled). */
function isBusinessDay(date: LocalDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

export function addBusinessDays(date: LocalDate, days: number): LocalDate {
  let current = date;
  for (let added = 0; added < days; ) {
    current = addDays(current, 1);
    if (isBusinessDay(current)) added++;
  }
  return current;
}

export function businessDaysBetween(from: LocalDate, to: LocalDate): number {
  let count = 0;
  for (let i = 1; i <= daysBetween(from, to); i++) if (isBusinessDay(addDays(from, i))) count++;
  return count;
}

/**
 * When the estimate is due (45 CFR 149.610(b)(1)(vi), billing-rules.md §15 [GF1]): scheduled at least
 * 10 business days ahead, within 3 business days of scheduling; at least 3 ahead, within 1; on
 * request, within 3 of the request; otherwise before the first session.
 */
export function goodFaithEstimateDueBy(basis: EstimateBasis, basisOn: LocalDate, firstSessionOn: LocalDate): LocalDate {
  if (basis === 'requested') return addBusinessDays(basisOn, 3);
  const lead = businessDaysBetween(basisOn, firstSessionOn);
  if (lead >= 10) return addBusinessDays(basisOn, 3);
  if (lead >= 3) return addBusinessDays(basisOn, 1);
  return firstSessionOn;
}

/** A patient may dispute a bill this much above the estimate (45 CFR 149.620; billing-rules.md §15 [GF2]). */
export const GOOD_FAITH_ESTIMATE_DISPUTE_MARGIN_CENTS = 40_000;
