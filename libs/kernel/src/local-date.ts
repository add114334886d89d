/**
 * A calendar date (`YYYY-MM-DD`) with no time zone: service dates, effective dates, birth dates.
 * Arithmetic works on UTC midnight so it never shifts with the server's zone.
 */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date in `YYYY-MM-DD` form. */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function toUtcMs(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Adds whole days (negative to go back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMs(toUtcMs(date) + days * 86_400_000);
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / 86_400_000);
}

// Building an Intl formatter is far costlier than using one, and a practice has one time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let formatter = cache.get(timeZone);
  if (!formatter) cache.set(timeZone, (formatter = new Intl.DateTimeFormat('en-CA', { timeZone, ...options })));
  return formatter;
}

const DAY_MS = 86_400_000;
/** Per zone, the UTC offset that holds through a whole UTC day, or null for a day on which it changes. */
const dayOffsets = new Map<string, Map<number, number | null>>();
const MAX_DAYS_PER_ZONE = 4_096;

/** The zone's offset from UTC at an instant, in milliseconds (whole seconds, as the tz database has them). */
function offsetAt(ms: number, timeZone: string): number {
  const parts = formatterOf(offsetFormatters, timeZone, {
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  const wallClock = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wallClock - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The zone's offset through the UTC day of `ms`, asked of Intl once per zone and day: offsets change
 * at most once a day, so the same offset at the day's first and last second means none in between.
 */
function dayOffsetOf(ms: number, timeZone: string): number | null {
  const day = Math.floor(ms / DAY_MS);
  let days = dayOffsets.get(timeZone);
  if (!days) dayOffsets.set(timeZone, (days = new Map()));
  let offset = days.get(day);
  if (offset === undefined) {
    const first = offsetAt(day * DAY_MS, timeZone);
    offset = first === offsetAt(day * DAY_MS + DAY_MS - 1000, timeZone) ? first : null;
    if (days.size >= MAX_DAYS_PER_ZONE) days.clear();
    days.set(day, offset);
  }
  return offset;
}

/** The calendar date of an instant in a given IANA time zone (a practice's local day). */
export function localDateOf(instant: Date, timeZone = 'UTC'): LocalDate {
  const offset = dayOffsetOf(instant.getTime(), timeZone);
  if (offset === null) return formatterOf(formatters, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  return new Date(instant.getTime() + offset).toISOString().slice(0, 10);
}

/** True when `date` lies in the inclusive range; an open end is unbounded. */
export function isWithin(date: LocalDate, start: LocalDate, end?: LocalDate | null): boolean {
  return date >= start && (end == null || date <= end);
}
