import { DateTime } from 'luxon';
import type { Segment } from '../../platform/rollups/range-plan.ts';
import { HOUR, MINUTE, wholeHourOffset } from './trend-buckets.ts';

const DAY = 86_400_000;

/**
 * How to read the hour-of-day and hour-of-week breakdowns of one site from the rollups: whole UTC
 * hours where the site's offset is whole hours (each UTC hour is one local hour, also on DST days),
 * whole UTC minutes where it is not (UTC+5:30, +5:45: a UTC hour straddles two local hours).
 */
export function hourCellsPlan(from: number, to: number, timeZone: string): { segment: Segment; unit: number } {
  const unit = wholeHourOffset(timeZone, from, to) ? HOUR : MINUTE;
  return {
    segment: { level: unit === HOUR ? 'hour' : 'minute', fromBucket: Math.ceil(from / unit), toBucket: Math.floor(to / unit) },
    unit,
  };
}

/** Local hour (0..23) and ISO weekday (1 = Monday) of bucket starts, with the zone's offset looked up once per UTC hour. */
export function localHourOf(timeZone: string): (ms: number) => { hour: number; weekday: number } {
  const offsets = new Map<number, number>();
  return (ms) => {
    const utcHour = Math.floor(ms / HOUR);
    let offset = offsets.get(utcHour);
    if (offset === undefined) offsets.set(utcHour, (offset = DateTime.fromMillis(ms, { zone: timeZone }).offset));
    const local = ms + offset * MINUTE;
    const day = Math.floor(local / DAY);
    // 1 January 1970 was a Thursday (ISO weekday 4)
    return { hour: Math.floor((local - day * DAY) / HOUR), weekday: ((((day + 3) % 7) + 7) % 7) + 1 };
  };
}

/** Rows grouped by bucket (answer or response counts), placed into breakdown cells by the local time of their bucket. */
export function placeInCells<R extends { group?: string | number }>(
  rows: readonly R[],
  unit: number,
  timeZone: string,
  cell: (local: { hour: number; weekday: number }) => number,
  into: Map<number, R[]>,
): void {
  const local = localHourOf(timeZone);
  for (const r of rows) {
    const key = cell(local(Number(r.group) * unit));
    const list = into.get(key);
    if (list) list.push(r);
    else into.set(key, [r]);
  }
}

/**
 * The plan's time as runs of consecutive buckets that fall in the same cell, in time order: the spans
 * over which a cell's customers are counted, so that customers and answers share the same edges.
 */
export function cellSpans(
  plan: { segment: Segment; unit: number },
  timeZone: string,
  cell: (local: { hour: number; weekday: number }) => number,
): { key: number; from: number; to: number }[] {
  const { segment, unit } = plan;
  const local = localHourOf(timeZone);
  const out: { key: number; from: number; to: number }[] = [];
  for (let b = segment.fromBucket; b < segment.toBucket; b++) {
    const key = cell(local(b * unit));
    const last = out.at(-1);
    if (last && last.key === key && last.to === b * unit) last.to += unit;
    else out.push({ key, from: b * unit, to: (b + 1) * unit });
  }
  return out;
}
