import { DateTime } from 'luxon';
import type { SiteCalendar } from '../../core/calendar.ts';
import type { Segment } from '../../platform/rollups/range-plan.ts';

/**
 * The buckets of a trend (METRICS.md "Trend buckets"): minute and hour buckets are local when the
 * query covers one time zone (a UTC+5:30 site's hours begin at :30 UTC) and whole UTC hours when it
 * covers sites in different zones; day and week buckets are each site's own local calendar units,
 * labelled by their local date. Only whole buckets inside the range count.
 */
export interface Bucket {
  start: number;
  end: number;
}

/** A local day or ISO week of one site: its span and its local date (the Monday for a week), YYYY-MM-DD. */
export interface DatedBucket extends Bucket {
  date: string;
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;

/** Whole UTC minutes or hours inside [from, to), at most max + 1 of them (the caller refuses more than max). */
export function utcBuckets(from: number, to: number, step: number, max: number): Bucket[] {
  const out: Bucket[] = [];
  for (let s = Math.ceil(from / step) * step; s + step <= to && out.length <= max; s += step) out.push({ start: s, end: s + step });
  return out;
}

/** The first local hour boundary at or after ms (minutes and seconds 0 on the zone's clock). */
function ceilLocalHour(ms: number, timeZone: string): number {
  const d = DateTime.fromMillis(Math.ceil(ms / MINUTE) * MINUTE, { zone: timeZone });
  return d.minute === 0 ? d.toMillis() : d.startOf('hour').plus({ hours: 1 }).toMillis();
}

/**
 * Whole local hours of one zone inside [from, to). Where the zone's offset is whole hours these are
 * the UTC hours; in a half-hour zone each starts at :30 UTC. An offset change of part of an hour
 * (Lord Howe Island) gives one shorter bucket, as a DST change gives a 23-hour day.
 */
export function localHourBuckets(from: number, to: number, timeZone: string, max: number): Bucket[] {
  const out: Bucket[] = [];
  let s = ceilLocalHour(from, timeZone);
  while (out.length <= max) {
    const e = ceilLocalHour(s + MINUTE, timeZone);
    if (e > to) break;
    out.push({ start: s, end: e });
    s = e;
  }
  return out;
}

/** Whole local days or ISO weeks of one site inside [from, to), each with its local date. */
export function localDateBuckets(from: number, to: number, unit: 'day' | 'week', cal: SiteCalendar, max: number): DatedBucket[] {
  const out: DatedBucket[] = [];
  const firstDay = cal.ceilDay(from);
  let s = unit === 'day' || cal.weekStart(firstDay) === firstDay ? firstDay : cal.weekStart(firstDay + 7 * 86_400_000);
  while (out.length <= max) {
    const e = unit === 'day' ? cal.ceilDay(s + 1) : cal.weekStart(s + 8 * 86_400_000);
    if (e > to) break;
    out.push({ start: s, end: e, date: localDate(cal.dayKey(s)) });
    s = e;
  }
  return out;
}

/** YYYY-MM-DD of a yyyymmdd key. */
export function localDate(dayKey: number): string {
  const y = Math.floor(dayKey / 10000);
  const m = Math.floor(dayKey / 100) % 100;
  const d = dayKey % 100;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The rollup segments that cover time buckets exactly: hour level for runs of buckets that are whole
 * UTC hours, minute level for the rest (local hours of a half-hour zone, minute buckets).
 */
export function segmentsFor(buckets: readonly Bucket[]): Segment[] {
  const out: Segment[] = [];
  for (const { start, end } of buckets) {
    const level = start % HOUR === 0 && end % HOUR === 0 ? 'hour' : 'minute';
    const unit = level === 'hour' ? HOUR : MINUTE;
    const last = out.at(-1);
    if (last && last.level === level && last.toBucket * unit === start) last.toBucket = end / unit;
    else out.push({ level, fromBucket: start / unit, toBucket: end / unit });
  }
  return out;
}

/** The index of the bucket holding ms (buckets sorted and disjoint), or -1. */
export function bucketAt(buckets: readonly Bucket[], ms: number): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = buckets[mid]!;
    if (ms < b.start) hi = mid - 1;
    else if (ms >= b.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Whether the sites of a query share one time zone (then minute and hour buckets are local). */
export function oneZone(timeZones: readonly string[]): boolean {
  return new Set(timeZones).size <= 1;
}

/** Whether a zone's offset from UTC is a whole number of hours at both ends of a range (its hours are then UTC hours). */
export function wholeHourOffset(timeZone: string, from: number, to: number): boolean {
  return [from, to - 1].every((ms) => DateTime.fromMillis(ms, { zone: timeZone }).offset % 60 === 0);
}
