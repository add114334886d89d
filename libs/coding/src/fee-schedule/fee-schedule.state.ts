import type { DomainEvent } from '@revcycle/event-store';

import type { FeeSchedule, FeeScheduleEntry } from '../rules/fee-schedule';

/** The practice's charge and the payer's contracted amount for a code from a date on (issue 4). */
export type FeeScheduleEntrySet = DomainEvent<'coding.FeeScheduleEntrySet', { payerId: string; entry: FeeScheduleEntry }>;

export interface FeeScheduleState {
  byPayer: Record<string, FeeScheduleEntry[]>;
}

export const initialFeeScheduleState: FeeScheduleState = { byPayer: {} };

/** One stream per tenant holding every payer's schedule. */
export function feeScheduleStreamId(): string {
  return 'fee-schedule';
}

export const sameFeeSlot = (a: FeeScheduleEntry, b: FeeScheduleEntry): boolean =>
  a.code === b.code && a.modifier === b.modifier && a.effectiveFrom === b.effectiveFrom;

export function evolveFeeSchedule(state: FeeScheduleState, event: DomainEvent): FeeScheduleState {
  if (event.type !== 'coding.FeeScheduleEntrySet') return state;
  const { payerId, entry } = (event as FeeScheduleEntrySet).data;
  const kept = (state.byPayer[payerId] ?? []).filter((held) => !sameFeeSlot(held, entry));
  return { byPayer: { ...state.byPayer, [payerId]: [...kept, entry] } };
}

export function feeScheduleOf(state: FeeScheduleState, payerId: string | undefined): FeeSchedule | undefined {
  const entries = payerId === undefined ? undefined : state.byPayer[payerId];
  return entries ? { entries } : undefined;
}
