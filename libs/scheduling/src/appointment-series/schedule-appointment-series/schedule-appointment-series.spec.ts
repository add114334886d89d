import { PATIENT_ID, PROVIDER_ID, schedulingContext } from '@revcycle/scheduling/testing';

import { evolveAppointmentSeries, initialAppointmentSeriesState } from '../appointment-series.state';
import { planOccurrences } from '../series-occurrences';
import { decideScheduleAppointmentSeries, type ScheduleAppointmentSeries } from './schedule-appointment-series.command';

const SERIES_ID = '0190a8f2-4c1e-7a10-9d2b-0000000000f1';
// 9:00 in New York on Tuesday 2025-0304 (EST, UTC-5); DST starts on Sunday 2025-03-09.
const FIRST = { start: '2025-03-04T14:00:00Z', end: '2025-03-04T14:53:00Z' };

const schedule = (overrides: Partial<ScheduleAppointmentSeries> = {}): ScheduleAppointmentSeries => ({
  context: schedulingContext(),
  seriesId: SERIES_ID,
  patientId: PATIENT_ID,
  providerId: PROVIDER_ID,
  first: FIRST,
  frequency: 'weekly',
  count: 4,
  skipDates: [],
  timeZone: 'America/New_York',
  ...overrides,
});
const occurrences = (command: ScheduleAppointmentSeries) =>
  decideScheduleAppointmentSeries(command, initialAppointmentSeriesState)[0].data.occurrences;

describe('ScheduleAppointmentSeries', () => {
  it('repeats weekly at the same local time across the daylight-saving change', () => {
    expect(occurrences(schedule()).map((o) => [o.dateOfService, o.start])).toEqual([
      ['2025-03-04', '2025-03-04T14:00:00.000Z'],
      ['2025-03-11', '2025-03-11T13:00:00.000Z'],
      ['2025-03-18', '2025-03-18T13:00:00.000Z'],
      ['2025-03-25', '2025-03-25T13:00:00.000Z'],
    ]);
  });

  it('keeps the session length and meets every two weeks', () => {
    const planned = occurrences(schedule({ frequency: 'every_two_weeks', count: 3 }));
    expect(planned.map((o) => o.dateOfService)).toEqual(['2025-03-04', '2025-03-18', '2025-04-01']);
    expect(planned.every((o) => Date.parse(o.end) - Date.parse(o.start) === 53 * 60_000)).toBe(true);
  });

  it('skips single dates and keeps the others with stable ids', () => {
    const all = occurrences(schedule());
    const skipped = occurrences(schedule({ skipDates: ['2025-03-11'] }));
    expect(skipped.map((o) => o.appointmentId)).toEqual([all[0], all[2], all[3]].map((o) => o.appointmentId));
    expect(new Set(all.map((o) => o.appointmentId)).size).toBe(4);
  });

  it('derives the same occurrence ids on a retry', () => {
    expect(planOccurrences(SERIES_ID, FIRST, 'weekly', 2, 'UTC')).toEqual(planOccurrences(SERIES_ID, FIRST, 'weekly', 2, 'UTC'));
  });

  it.each([
    ['a skipped date the series never meets', { skipDates: ['2025-03-12'] }],
    ['a single session', { count: 1 }],
    ['more than a year of weekly sessions', { count: 53 }],
    ['a first session that ends before it starts', { first: { start: FIRST.end, end: FIRST.start } }],
    ['a first session in the past', { context: schedulingContext(new Date('2025-03-05T00:00:00Z')) }],
    ['every session skipped', { count: 2, skipDates: ['2025-03-04', '2025-03-11'] }],
  ])('refuses %s', (_case, overrides) => {
    expect(() => occurrences(schedule(overrides))).toThrow(expect.objectContaining({ code: 'SCHEDULING.INVALID_APPOINTMENT_SERIES' }));
  });

  it('refuses reusing a series id', () => {
    const state = decideScheduleAppointmentSeries(schedule(), initialAppointmentSeriesState).reduce(evolveAppointmentSeries, initialAppointmentSeriesState);
    expect(() => decideScheduleAppointmentSeries(schedule(), state)).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.APPOINTMENT_SERIES_ALREADY_SCHEDULED' }),
    );
  });
});
