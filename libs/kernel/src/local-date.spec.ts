import { addDays, daysBetween, isLocalDate, isWithin, localDateOf } from './local-date';

describe('calendar dates', () => {
  it.each(['2024-02-29', '2026-12-31', '2000-01-01'])('accepts the real date %p', (value) => {
    expect(isLocalDate(value)).toBe(true);
  });

  it.each(['2025-02-29', '2026-13-01', '2026-04-31', '2026-4-1', '20260401', '2026-04-01T00:00:00Z', 20260401])(
    'refuses %p',
    (value) => {
      expect(isLocalDate(value)).toBe(false);
    },
  );

  it('adds days across month, year and leap boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts days between dates, ignoring daylight-saving changes', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-11-30', '2026-11-01')).toBe(-29);
  });

  it('takes the calendar date of an instant in the practice time zone', () => {
    const lateEvening = new Date('2026-03-05T03:30:00Z');
    expect(localDateOf(lateEvening, 'America/Chicago')).toBe('2026-03-04');
    expect(localDateOf(lateEvening, 'UTC')).toBe('2026-03-05');
  });

  it('treats an open end as unbounded', () => {
    expect(isWithin('2030-01-01', '2026-01-01', null)).toBe(true);
    expect(isWithin('2025-12-31', '2026-01-01', '2026-12-31')).toBe(false);
    expect(isWithin('2026-12-31', '2026-01-01', '2026-12-31')).toBe(true);
  });
});
