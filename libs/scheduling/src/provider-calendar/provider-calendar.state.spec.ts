import { calendarMonthsOf, providerCalendarStreamId } from './provider-calendar.state';

describe('provider calendar months', () => {
  it('puts a slot in the UTC month it falls in', () => {
    expect(calendarMonthsOf({ start: '2026-03-04T15:00:00Z', end: '2026-03-04T15:53:00Z' })).toEqual(['2026-03']);
  });

  it('puts a slot across a month end in both months, so an overlap is always seen in a common stream', () => {
    expect(calendarMonthsOf({ start: '2026-03-31T23:30:00Z', end: '2026-04-01T00:23:00Z' })).toEqual(['2026-03', '2026-04']);
    expect(calendarMonthsOf({ start: '2026-12-31T23:30:00Z', end: '2027-01-01T00:30:00Z' })).toEqual(['2026-12', '2027-01']);
  });

  it('keeps a slot ending exactly at midnight in its own month (end is exclusive)', () => {
    expect(calendarMonthsOf({ start: '2026-03-31T23:00:00Z', end: '2026-04-01T00:00:00Z' })).toEqual(['2026-03']);
  });

  it('names one stream per provider and month', () => {
    expect(providerCalendarStreamId('p-1', '2026-03')).toBe('provider-calendar-p-1-2026-03');
  });
});
