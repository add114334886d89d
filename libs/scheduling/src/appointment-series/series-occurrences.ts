import { addDays, localDateOf, uuidV5, type LocalDate } from '@revcycle/kernel';

/** Weekly and every-two-weeks series, the cadences psychotherapy plans are written in. */
const STEP_DAYS = { weekly: 7, every_two_weeks: 14 } as const;
export type SeriesFrequency = keyof typeof STEP_DAYS;
export const SERIES_FREQUENCIES = Object.keys(STEP_DAYS) as SeriesFrequency[];

export interface SeriesOccurrence {
  appointmentId: string;
  start: string;
  end: string;
  dateOfService: LocalDate;
}

const MINUTE_MS = 60_000;

/** Minutes the zone is ahead of UTC at an instant (negative west of Greenwich). */
function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((wall - Math.floor(instant.getTime() / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/** The instant a wall clock in `timeZone` shows `minuteOfDay` on `date` (DST-aware, second pass for the switch day). */
function instantOfWallClock(date: LocalDate, minuteOfDay: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d) + minuteOfDay * MINUTE_MS;
  const first = wall - zoneOffsetMinutes(new Date(wall), timeZone) * MINUTE_MS;
  return new Date(wall - zoneOffsetMinutes(new Date(first), timeZone) * MINUTE_MS);
}

/**
 * Occurrences keep the practice's wall-clock time, not the UTC instant: a 9:00 session stays at
 * 9:00 after the daylight-saving change. Ids derive from the series id, so a retried request
 * books the same appointments.
 */
export function planOccurrences(
  seriesId: string,
  first: { start: string; end: string },
  frequency: SeriesFrequency,
  count: number,
  timeZone: string,
): SeriesOccurrence[] {
  const start = new Date(first.start);
  const durationMs = Date.parse(first.end) - start.getTime();
  const firstDate = localDateOf(start, timeZone);
  const minuteOfDay = Math.round((start.getTime() - instantOfWallClock(firstDate, 0, timeZone).getTime()) / MINUTE_MS);
  return Array.from({ length: count }, (_, index) => {
    const dateOfService = addDays(firstDate, index * STEP_DAYS[frequency]);
    const at = instantOfWallClock(dateOfService, minuteOfDay, timeZone);
    return {
      appointmentId: uuidV5(`appointment-series:${seriesId}:${index}`),
      start: at.toISOString(),
      end: new Date(at.getTime() + durationMs).toISOString(),
      dateOfService,
    };
  });
}
