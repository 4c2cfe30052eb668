import type { SiteCalendar } from './calendar.ts';
import type { Level } from '../store/rollup-levels.ts';

/** A run of whole buckets of one level: [fromBucket, toBucket). */
export interface Segment {
  level: Level;
  fromBucket: number;
  toBucket: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * Covers [from, to) with the fewest buckets: whole local months, then whole local days in what
 * is left at either end, then whole UTC hours, then minutes. Bounds are taken to the minute
 * (from rounded down, to rounded up), the rollups' finest grain.
 */
export function planRange(from: number, to: number, calendar: SiteCalendar): Segment[] {
  const a = Math.floor(from / MINUTE) * MINUTE;
  const b = Math.ceil(to / MINUTE) * MINUTE;
  const segments: Segment[] = [];
  cover(a, b, 'month', calendar, segments);
  return segments;
}

function cover(a: number, b: number, level: Level, cal: SiteCalendar, out: Segment[]): void {
  if (a >= b) return;
  switch (level) {
    case 'month': {
      const first = cal.ceilMonth(a);
      const last = cal.floorMonth(b);
      if (first >= last) return cover(a, b, 'day', cal, out);
      out.push({ level, fromBucket: cal.monthKey(first), toBucket: cal.monthKey(last) });
      cover(a, first, 'day', cal, out);
      cover(last, b, 'day', cal, out);
      return;
    }
    case 'day': {
      const first = cal.ceilDay(a);
      const last = cal.dayStart(b);
      if (first >= last) return cover(a, b, 'hour', cal, out);
      out.push({ level, fromBucket: cal.dayKey(first), toBucket: cal.dayKey(last) });
      cover(a, first, 'hour', cal, out);
      cover(last, b, 'hour', cal, out);
      return;
    }
    case 'hour': {
      const first = Math.ceil(a / HOUR) * HOUR;
      const last = Math.floor(b / HOUR) * HOUR;
      if (first >= last) return cover(a, b, 'minute', cal, out);
      out.push({ level, fromBucket: first / HOUR, toBucket: last / HOUR });
      cover(a, first, 'minute', cal, out);
      cover(last, b, 'minute', cal, out);
      return;
    }
    case 'minute':
      out.push({ level, fromBucket: a / MINUTE, toBucket: b / MINUTE });
  }
}
