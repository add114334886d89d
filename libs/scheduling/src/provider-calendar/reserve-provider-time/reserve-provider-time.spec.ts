import { PROVIDER_ID, schedulingContext } from '@revcycle/scheduling/testing';

import type { ProviderCalendarEvent, ProviderTimeSlot } from '../provider-calendar.events';
import {
  evolveProviderCalendar,
  initialProviderCalendarState,
  type ProviderCalendarState,
} from '../provider-calendar.state';
import { decideReserveProviderTime } from './reserve-provider-time.command';

const given = (events: ProviderCalendarEvent[]): ProviderCalendarState =>
  events.reduce(evolveProviderCalendar, initialProviderCalendarState);
const slot = (appointmentId: string, start: string, end: string): ProviderTimeSlot => ({ appointmentId, start, end });
const reserve = (...slots: ProviderTimeSlot[]) => ({ context: schedulingContext(), providerId: PROVIDER_ID, slots });

const NINE = slot('appt-a', '2025-03-04T14:00:00Z', '2025-03-04T14:53:00Z');
const NINE_THIRTY = slot('appt-b', '2025-03-04T14:30:00Z', '2025-03-04T15:15:00Z');
const TEN = slot('appt-c', '2025-03-04T14:53:00Z', '2025-03-04T15:45:00Z');

describe('ReserveProviderTime', () => {
  it('reserves free time', () => {
    expect(decideReserveProviderTime(reserve(NINE), given([]))).toEqual([
      { type: 'scheduling.ProviderTimeReserved', data: { providerId: PROVIDER_ID, ...NINE } },
    ]);
  });

  it('refuses an overlapping appointment for the same provider', () => {
    const state = given(decideReserveProviderTime(reserve(NINE), given([])));
    expect(() => decideReserveProviderTime(reserve(NINE_THIRTY), state)).toThrow(
      expect.objectContaining({
        code: 'SCHEDULING.PROVIDER_ALREADY_BOOKED',
        details: { providerId: PROVIDER_ID, appointmentId: 'appt-b', conflictingAppointmentId: 'appt-a' },
      }),
    );
  });

  it('accepts back-to-back sessions (half-open intervals)', () => {
    const state = given(decideReserveProviderTime(reserve(NINE), given([])));
    expect(decideReserveProviderTime(reserve(TEN), state)).toHaveLength(1);
  });

  it('moves an appointment onto time overlapping its own old slot (reschedule)', () => {
    const state = given(decideReserveProviderTime(reserve(NINE), given([])));
    const moved = slot('appt-a', '2025-03-04T14:30:00Z', '2025-03-04T15:23:00Z');
    const after = given([...decideReserveProviderTime(reserve(NINE), given([])), ...decideReserveProviderTime(reserve(moved), state)]);
    expect(after).toMatchObject({ holds: [moved] });
  });

  it('writes nothing when the same reservation is retried', () => {
    const state = given(decideReserveProviderTime(reserve(NINE), given([])));
    expect(decideReserveProviderTime(reserve(NINE), state)).toEqual([]);
  });

  it('refuses a series whose own occurrences overlap, reserving none of them', () => {
    expect(() => decideReserveProviderTime(reserve(NINE, NINE_THIRTY), given([]))).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.PROVIDER_ALREADY_BOOKED' }),
    );
  });

  it('refuses a slot that ends before it starts', () => {
    expect(() => decideReserveProviderTime(reserve(slot('x', NINE.end, NINE.start)), given([]))).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.INVALID_TIME_SLOT' }),
    );
  });

  /**
   * The race: both requests read version 0 and both decisions succeed. The store's optimistic
   * concurrency (expected version 0) admits only the first append; the pipeline re-decides the
   * loser on the stream as it now stands, which refuses it. Modelled here with a one-stream store.
   */
  it('never double-books when two bookings race for the same slot', () => {
    const stream: ProviderCalendarEvent[] = [];
    const append = (expectedVersion: number, events: ProviderCalendarEvent[]): boolean => {
      if (stream.length !== expectedVersion) return false;
      stream.push(...events);
      return true;
    };
    const readVersion = stream.length;
    const first = decideReserveProviderTime(reserve(NINE), given(stream));
    const second = decideReserveProviderTime(reserve(NINE_THIRTY), given(stream));
    expect(append(readVersion, first)).toBe(true);
    expect(append(readVersion, second)).toBe(false);
    expect(() => decideReserveProviderTime(reserve(NINE_THIRTY), given(stream))).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.PROVIDER_ALREADY_BOOKED' }),
    );
    expect(given(stream)).toEqual({ status: 'active', providerId: PROVIDER_ID, holds: [{ ...NINE, startMs: Date.parse(NINE.start), endMs: Date.parse(NINE.end) }] });
  });
});
