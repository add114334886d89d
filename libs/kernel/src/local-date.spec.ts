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

  it.each(['America/Chicago', 'America/St_Johns', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Apia', 'Pacific/Chatham', 'UTC'])(
    'agrees with Intl in %s every 20 minutes through daylight-saving changes and skipped days',
    (zone) => {
      const intl = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
      // Pacific/Apia skipped 2011-12-30 entirely; the others change offset in March/April and October/November.
      const disagreements: string[] = [];
      for (const [from, to] of [['2011-12-27', '2012-01-02'], ['2026-03-06', '2026-04-07'], ['2026-09-25', '2026-11-05']]) {
        for (let ms = Date.parse(from); ms < Date.parse(to); ms += 20 * 60_000 + 7_000) {
          const ours = localDateOf(new Date(ms), zone);
          if (ours !== intl.format(ms)) disagreements.push(`${new Date(ms).toISOString()}: ${ours} against ${intl.format(ms)}`);
        }
      }
      expect(disagreements).toEqual([]);
    },
  );

  it('treats an open end as unbounded', () => {
    expect(isWithin('2030-01-01', '2026-01-01', null)).toBe(true);
    expect(isWithin('2025-12-31', '2026-01-01', '2026-12-31')).toBe(false);
    expect(isWithin('2026-12-31', '2026-01-01', '2026-12-31')).toBe(true);
  });
});
