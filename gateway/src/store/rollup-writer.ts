import type { Db } from './database.ts';
import { LEVELS, ROLLUP_COLUMNS, ROLLUP_TABLE, bucketOf, type Level } from './rollup-levels.ts';
import { SiteCalendar } from '../indices/calendar.ts';

/** The dimensions of one counted answer. */
export interface RollupAnswer {
  siteId: string;
  pointId: string;
  deviceId: string;
  staffId: string | null;
  surveyId: string | null;
  questionId: string | null;
  scale: string;
  value: number;
  occurredAt: number;
}

/**
 * Sums answers into every rollup level in memory, then writes each bucket once with
 * `n = n + excluded.n`. Used by live ingest (inside the answer's transaction) and by the rebuild,
 * so both produce the same buckets.
 */
export class RollupAccumulator {
  private readonly buckets = LEVELS.map(() => new Map<string, { a: RollupAnswer; bucket: number; n: number }>());

  constructor(private readonly calendarOf: (siteId: string) => SiteCalendar) {}

  add(a: RollupAnswer): void {
    const calendar = this.calendarOf(a.siteId);
    const dims = `${a.pointId}\u0000${a.deviceId}\u0000${a.staffId ?? ''}\u0000${a.surveyId ?? ''}\u0000${a.questionId ?? ''}\u0000${a.scale}\u0000${a.value}`;
    LEVELS.forEach((level, i) => {
      const bucket = bucketOf(level, a.occurredAt, calendar);
      const key = `${bucket}\u0000${dims}`;
      const map = this.buckets[i]!;
      const entry = map.get(key);
      if (entry) entry.n++;
      else map.set(key, { a, bucket, n: 1 });
    });
  }

  get size(): number {
    return this.buckets[0]!.size;
  }

  /** Writes and forgets every bucket summed so far. Call inside a transaction. */
  flush(statements: RollupStatements): void {
    LEVELS.forEach((level, i) => {
      const stmt = statements[level];
      for (const { a, bucket, n } of this.buckets[i]!.values()) {
        stmt.run(a.pointId, bucket, a.deviceId, a.staffId ?? '', a.surveyId ?? '', a.questionId ?? '', a.scale, a.value, n);
      }
      this.buckets[i]!.clear();
    });
  }
}

export type RollupStatements = Record<Level, { run: (...args: unknown[]) => unknown }>;

export function rollupStatements(db: Db): RollupStatements {
  const make = (level: Level) =>
    db.prepare(
      `INSERT INTO ${ROLLUP_TABLE[level]} (${ROLLUP_COLUMNS}, n) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (${ROLLUP_COLUMNS}) DO UPDATE SET n = n + excluded.n`,
    );
  return { minute: make('minute'), hour: make('hour'), day: make('day'), month: make('month') };
}

/** One calendar per site, from the sites table. */
export function siteCalendars(db: Db): (siteId: string) => SiteCalendar {
  const zones = new Map((db.prepare('SELECT id, time_zone AS tz FROM sites').all() as { id: string; tz: string }[]).map((r) => [r.id, r.tz]));
  const calendars = new Map<string, SiteCalendar>();
  return (siteId) => {
    let c = calendars.get(siteId);
    if (!c) {
      c = new SiteCalendar(zones.get(siteId) ?? 'UTC');
      calendars.set(siteId, c);
    }
    return c;
  };
}
