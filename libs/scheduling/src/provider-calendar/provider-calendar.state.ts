import type { DomainEvent } from '@revcycle/event-store';

import type { ProviderCalendarEvent, ProviderTimeSlot } from './provider-calendar.events';

/**
 * Why a calendar aggregate: the store's only atomic unit is one stream (the EventStoreDB adapter has
 * no multi-stream transactions), so "a provider is never double-booked" must be decided inside one
 * stream. Every booking, reschedule and series first reserves time here, appending with the version
 * it read. Two racing bookings both decide against version n; the store accepts the first and
 * rejects the second with a version conflict; the pipeline re-decides on the fresh state, sees the
 * overlap and refuses with SCHEDULING.PROVIDER_ALREADY_BOOKED.
 *
 * One stream per provider and calendar month (UTC), so a booking reads one month of reservations,
 * not the provider's whole history. A slot lies in every month it touches, so two overlapping slots
 * always meet in a common stream. Work spanning months (a series, a slot across midnight at a month
 * end) reserves month by month and gives back what it held if a later month refuses.
 */
export type ProviderCalendarState =
  | { status: 'empty' }
  | { status: 'active'; providerId: string; holds: readonly HeldSlot[] };

/** A held slot with its bounds as epoch milliseconds, parsed once when folded rather than per comparison. */
export interface HeldSlot extends ProviderTimeSlot {
  startMs: number;
  endMs: number;
}

export function heldSlot(slot: ProviderTimeSlot): HeldSlot {
  return { appointmentId: slot.appointmentId, start: slot.start, end: slot.end, startMs: Date.parse(slot.start), endMs: Date.parse(slot.end) };
}

export const initialProviderCalendarState: ProviderCalendarState = { status: 'empty' };

export function providerCalendarStreamId(providerId: string, month: string): string {
  return `provider-calendar-${providerId}-${month}`;
}

/** The UTC calendar months (`YYYY-MM`) a slot touches, in order; usually one. */
export function calendarMonthsOf(slot: Pick<ProviderTimeSlot, 'start' | 'end'>): string[] {
  // Counted in months since year 0 rather than through Date objects and ISO strings: every booking asks.
  const monthIndex = (instant: number) => {
    const date = new Date(instant);
    return date.getUTCFullYear() * 12 + date.getUTCMonth();
  };
  const first = monthIndex(Date.parse(slot.start));
  const last = Math.max(first, monthIndex(Date.parse(slot.end) - 1));
  const months: string[] = [];
  for (let index = first; index <= last; index++) {
    months.push(`${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

export function evolveProviderCalendar(state: ProviderCalendarState, event: DomainEvent): ProviderCalendarState {
  const e = event as ProviderCalendarEvent;
  switch (e.type) {
    case 'scheduling.ProviderTimeReserved': {
      const { providerId, ...slot } = e.data;
      // A list, not a map keyed by appointment: a month holds a few hundred slots, and each booking
      // copies the list once (a keyed object would be copied key by key). A new appointment, the
      // usual case, needs no filtering pass.
      const previous = state.status === 'active' ? state.holds : [];
      const others = previous.some((held) => held.appointmentId === slot.appointmentId)
        ? previous.filter((held) => held.appointmentId !== slot.appointmentId)
        : previous;
      return { status: 'active', providerId, holds: [...others, heldSlot(slot)] };
    }
    case 'scheduling.ProviderTimeReleased': {
      if (state.status !== 'active') return state;
      return { ...state, holds: state.holds.filter((held) => held.appointmentId !== e.data.appointmentId) };
    }
    default:
      return state;
  }
}

/** The time an appointment holds in this month, if any. */
export function holdOf(state: ProviderCalendarState, appointmentId: string): HeldSlot | undefined {
  return state.status === 'active' ? state.holds.find((held) => held.appointmentId === appointmentId) : undefined;
}

/** Half-open intervals: a session ending at 10:00 does not overlap one starting at 10:00. */
export function slotsOverlap(a: Pick<HeldSlot, 'startMs' | 'endMs'>, b: Pick<HeldSlot, 'startMs' | 'endMs'>): boolean {
  return a.startMs < b.endMs && b.startMs < a.endMs;
}
