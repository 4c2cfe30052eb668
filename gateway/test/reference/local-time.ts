/**
 * Site-local calendar arithmetic for the reference, written with Intl only (no product code):
 * the local wall-clock parts of an instant, and the instants where local minutes, hours, days and
 * ISO weeks begin. Works in zones with half- and quarter-hour offsets and across DST changes,
 * because every boundary is found from the zone's offset at that instant, not assumed.
 */

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function format(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formats.set(zone, f);
  }
  return f;
}

export function localParts(ms: number, zone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of format(zone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday!]!,
  };
}

/** The zone's offset from UTC at an instant, in ms (local − UTC). */
export function offsetAt(ms: number, zone: string): number {
  const p = localParts(ms, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The instant of a local wall-clock time that exists (local midnight always does in the zones tested). */
export function instantOfLocal(zone: string, year: number, month: number, day: number, hour = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour);
  let guess = wall - offsetAt(wall, zone);
  for (let i = 0; i < 3; i++) guess = wall - offsetAt(guess, zone);
  return guess;
}

/** Start of the local minute holding ms (all tested offsets are whole minutes, so it is the UTC minute). */
export function minuteStart(ms: number): number {
  return Math.floor(ms / 60_000) * 60_000;
}

/** Start of the local hour holding ms: the instant whose local minute and second are 0. */
export function localHourStart(ms: number, zone: string): number {
  const p = localParts(ms, zone);
  return minuteStart(ms) - p.minute * 60_000;
}

/** Start of the local day holding ms. */
export function localDayStart(ms: number, zone: string): number {
  const p = localParts(ms, zone);
  return instantOfLocal(zone, p.year, p.month, p.day);
}

/** Start of the local ISO week (Monday 00:00) holding ms. */
export function localWeekStart(ms: number, zone: string): number {
  const p = localParts(ms, zone);
  const monday = new Date(Date.UTC(p.year, p.month - 1, p.day - (p.weekday - 1)));
  return instantOfLocal(zone, monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate());
}

export type Interval = 'minute' | 'hour' | 'day' | 'week';

/** The start of the bucket holding ms, and the start of the next one. */
export function bucketOf(ms: number, interval: Interval, zone: string): { start: number; end: number } {
  switch (interval) {
    case 'minute':
      return { start: minuteStart(ms), end: minuteStart(ms) + 60_000 };
    case 'hour': {
      const start = localHourStart(ms, zone);
      return { start, end: localHourStart(start + 3_600_000 + 60_000, zone) };
    }
    case 'day': {
      const start = localDayStart(ms, zone);
      return { start, end: localDayStart(start + 26 * 3_600_000, zone) };
    }
    case 'week': {
      const start = localWeekStart(ms, zone);
      return { start, end: localWeekStart(start + 8 * 86_400_000, zone) };
    }
  }
}

/** Every whole bucket inside [from, to), in order. */
export function wholeBuckets(from: number, to: number, interval: Interval, zone: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let b = bucketOf(from, interval, zone);
  if (b.start < from) b = bucketOf(b.end, interval, zone);
  while (b.end <= to) {
    out.push(b);
    b = bucketOf(b.end, interval, zone);
  }
  return out;
}
