import type { DomainEvent } from '@revcycle/event-store';

import type { ProviderCalendarEvent, ProviderTimeSlot } from './provider-calendar.events';

/**
 * Why a calendar aggregate: the store's only atomic unit is one stream (the EventStoreDB adapter has
 * no multi-stream transactions), so "a provider is never double-booked" must be decided inside one
 * stream. Every booking, reschedule and series first reserves time here, appending with the version
 * it read. Two racing bookings both decide against version n; the store accepts the first and
 * rejects the second with a version conflict; the pipeline re-decides on the fresh state, sees the
 * overlap and refuses with SCHEDULING.PROVIDER_ALREADY_BOOKED. One stream per provider (not per day)
 * so a whole recurring series is reserved in a single append, all or nothing.
 */
export type ProviderCalendarState =
  | { status: 'empty' }
  | { status: 'active'; providerId: string; reservations: Record<string, ProviderTimeSlot> };

export const initialProviderCalendarState: ProviderCalendarState = { status: 'empty' };

export function providerCalendarStreamId(providerId: string): string {
  return `provider-calendar-${providerId}`;
}

export function evolveProviderCalendar(state: ProviderCalendarState, event: DomainEvent): ProviderCalendarState {
  const e = event as ProviderCalendarEvent;
  switch (e.type) {
    case 'scheduling.ProviderTimeReserved': {
      const { providerId, ...slot } = e.data;
      const reservations = state.status === 'active' ? state.reservations : {};
      return { status: 'active', providerId, reservations: { ...reservations, [slot.appointmentId]: slot } };
    }
    case 'scheduling.ProviderTimeReleased': {
      if (state.status !== 'active') return state;
      const { [e.data.appointmentId]: _released, ...reservations } = state.reservations;
      return { ...state, reservations };
    }
    default:
      return state;
  }
}

/** Half-open intervals: a session ending at 10:00 does not overlap one starting at 10:00. */
export function slotsOverlap(a: Pick<ProviderTimeSlot, 'start' | 'end'>, b: Pick<ProviderTimeSlot, 'start' | 'end'>): boolean {
  return Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
}
