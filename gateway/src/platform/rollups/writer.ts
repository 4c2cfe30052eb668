import type { Db } from '../store/db.ts';
import { COUNT_COLUMNS, ROLLUP_TABLES, VALUE_SLOTS, bucketOf, type RollupTable } from './levels.ts';
import { SiteCalendar } from '../../core/calendar.ts';

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

interface Row {
  a: RollupAnswer;
  bucket: number;
  base: number;
  counts: number[];
}

/** A row's key values in a table's column order ('' for none). */
function keyValues(table: RollupTable, a: RollupAnswer, bucket: number, base: number): unknown[] {
  return table.grain === 'detail'
    ? [a.pointId, bucket, a.deviceId, a.staffId ?? '', a.surveyId ?? '', a.questionId ?? '', a.scale, base]
    : [a.pointId, bucket, a.surveyId ?? '', a.questionId ?? '', a.scale, base];
}

/**
 * Sums answers into every rollup table in memory, then writes each row once, adding its
 * counts to what is stored. Used by live ingest (inside the answer's transaction) and by the rebuild,
 * so both produce the same buckets.
 */
export class RollupAccumulator {
  private readonly rows = ROLLUP_TABLES.map(() => new Map<string, Row>());

  constructor(private readonly calendarOf: (siteId: string) => SiteCalendar) {}

  add(a: RollupAnswer): void {
    if (!Number.isInteger(a.value) || a.value < 0) throw new RangeError(`a rollup counts whole values from 0, not ${a.value}`);
    const calendar = this.calendarOf(a.siteId);
    const slot = a.value % VALUE_SLOTS;
    const base = a.value - slot;
    const point = `${a.pointId}\u0000${a.surveyId ?? ''}\u0000${a.questionId ?? ''}\u0000${a.scale}\u0000${base}`;
    const detail = `${point}\u0000${a.deviceId}\u0000${a.staffId ?? ''}`;
    ROLLUP_TABLES.forEach((table, i) => {
      const bucket = bucketOf(table.level, a.occurredAt, calendar);
      const key = `${bucket}\u0000${table.grain === 'detail' ? detail : point}`;
      const map = this.rows[i]!;
      let row = map.get(key);
      if (!row) map.set(key, (row = { a, bucket, base, counts: new Array<number>(VALUE_SLOTS).fill(0) }));
      row.counts[slot]!++;
    });
  }

  /** Forgets every bucket summed so far: what a failed transaction summed was rolled back with its answers. */
  discard(): void {
    for (const map of this.rows) map.clear();
  }

  /** Writes and forgets every bucket summed so far. Call inside a transaction. */
  flush(statements: RollupStatements): void {
    ROLLUP_TABLES.forEach((table, i) => {
      const stmt = statements[i]!;
      for (const { a, bucket, base, counts } of this.rows[i]!.values()) stmt.run(...keyValues(table, a, bucket, base), ...counts);
      this.rows[i]!.clear();
    });
  }
}

/** One upsert per rollup table, in ROLLUP_TABLES order. */
export type RollupStatements = readonly { run: (...args: unknown[]) => unknown }[];

/** One upsert per table, adding to each count: `n0 = n0 + excluded.n0, ...`. */
export function rollupStatements(db: Db): RollupStatements {
  return ROLLUP_TABLES.map((t) => {
    const columns = [...t.columns, ...COUNT_COLUMNS];
    return db.prepare<unknown[]>(
      `INSERT INTO ${t.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
       ON CONFLICT (${t.columns.join(', ')}) DO UPDATE SET ${COUNT_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
    );
  });
}

/** One calendar per site, from the sites table (a site added while running is read at its first answer). */
export function siteCalendars(db: Db): (siteId: string) => SiteCalendar {
  const zoneOf = db.prepare('SELECT time_zone AS tz FROM sites WHERE id = ?').pluck();
  const calendars = new Map<string, SiteCalendar>();
  return (siteId) => {
    let c = calendars.get(siteId);
    if (!c) {
      c = new SiteCalendar((zoneOf.get(siteId) as string | undefined) ?? 'UTC');
      calendars.set(siteId, c);
    }
    return c;
  };
}
