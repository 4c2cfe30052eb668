import type { SiteCalendar } from '../../core/calendar.ts';
import type { Level } from './levels.ts';

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

/** For each level: its first boundary at or after a time, its last at or before, a bucket's key, the finer level. */
interface LevelSteps {
  ceil(ms: number): number;
  floor(ms: number): number;
  key(ms: number): number;
  finer: Level | undefined;
}

function steps(level: Level, cal: SiteCalendar): LevelSteps {
  switch (level) {
    case 'month':
      return { ceil: (ms) => cal.ceilMonth(ms), floor: (ms) => cal.floorMonth(ms), key: (ms) => cal.monthKey(ms), finer: 'day' };
    case 'day':
      return { ceil: (ms) => cal.ceilDay(ms), floor: (ms) => cal.dayStart(ms), key: (ms) => cal.dayKey(ms), finer: 'hour' };
    case 'hour':
      return {
        ceil: (ms) => Math.ceil(ms / HOUR) * HOUR,
        floor: (ms) => Math.floor(ms / HOUR) * HOUR,
        key: (ms) => ms / HOUR,
        finer: 'minute',
      };
    case 'minute':
      return { ceil: (ms) => ms, floor: (ms) => ms, key: (ms) => ms / MINUTE, finer: undefined };
  }
}

/** Whole buckets of `level` in the middle of [a, b); what is left at either end goes to the finer level. */
function cover(a: number, b: number, level: Level, cal: SiteCalendar, out: Segment[]): void {
  if (a >= b) return;
  const { ceil, floor, key, finer } = steps(level, cal);
  const first = ceil(a);
  const last = floor(b);
  if (first >= last) {
    if (finer) cover(a, b, finer, cal, out);
    return;
  }
  out.push({ level, fromBucket: key(first), toBucket: key(last) });
  if (finer) {
    cover(a, first, finer, cal, out);
    cover(last, b, finer, cal, out);
  }
}
