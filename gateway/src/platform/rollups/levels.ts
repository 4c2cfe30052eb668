import type { SiteCalendar } from '../../core/calendar.ts';

/**
 * The rollup levels, finest first. Minute and hour buckets are UTC epoch minutes and hours; day
 * and month buckets are the site's local yyyymmdd and yyyymm.
 */
export const LEVELS = ['minute', 'hour', 'day', 'month'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * How finely a rollup table splits its counts. 'detail' keeps every dimension (point, device,
 * staff, survey, question, scale; '' stands for "none"). 'point' drops device and staff: a query
 * with neither filter reads a fraction of the rows there, which keeps chain-wide queries fast.
 */
export type Grain = 'detail' | 'point';

/**
 * Counts of one key's values sit side by side in one row: column n<k> counts value
 * value_base + k. Every rating scale fits one row (value_base 0); a choice question with codes
 * up to 255 spreads over rows 0, 11, 22, ... A row per key instead of a row per value means
 * several times fewer rows to read and to write.
 */
export const VALUE_SLOTS = 11;
export const COUNT_COLUMNS: readonly string[] = Array.from({ length: VALUE_SLOTS }, (_, k) => `n${k}`);

export interface RollupTable {
  name: string;
  level: Level;
  grain: Grain;
  /** the primary key, in order: point, bucket, the grain's dimensions, then value_base */
  columns: readonly string[];
}

const KEY_COLUMNS: Record<Grain, readonly string[]> = {
  detail: ['point_id', 'bucket', 'device_id', 'staff_id', 'survey_id', 'question_id', 'scale', 'value_base'],
  point: ['point_id', 'bucket', 'survey_id', 'question_id', 'scale', 'value_base'],
};

/** Every rollup table: each level in detail, and the coarse levels per point too. */
export const ROLLUP_TABLES: readonly RollupTable[] = [
  ...LEVELS.map((level) => ({ name: `rollup_${level}`, level, grain: 'detail' as const, columns: KEY_COLUMNS.detail })),
  ...(['day', 'month'] as const).map((level) => ({
    name: `rollup_point_${level}`,
    level,
    grain: 'point' as const,
    columns: KEY_COLUMNS.point,
  })),
];

/** The table a query reads for a level: per point when it needs neither device nor staff and one exists. */
export function rollupTable(level: Level, needsDetail: boolean): RollupTable {
  const wanted = needsDetail ? 'detail' : 'point';
  return (
    ROLLUP_TABLES.find((t) => t.level === level && t.grain === wanted) ??
    ROLLUP_TABLES.find((t) => t.level === level && t.grain === 'detail')!
  );
}

export function bucketOf(level: Level, ms: number, calendar: SiteCalendar): number {
  switch (level) {
    case 'minute':
      return Math.floor(ms / 60_000);
    case 'hour':
      return Math.floor(ms / 3_600_000);
    case 'day':
      return calendar.dayKey(ms);
    case 'month':
      return calendar.monthKey(ms);
  }
}

/** The SQL that creates one rollup table. */
export function rollupTableSql(table: RollupTable): string {
  const keys = table.columns.map((c) => `${c} ${c === 'bucket' || c === 'value_base' ? 'INTEGER' : 'TEXT'} NOT NULL`);
  const counts = COUNT_COLUMNS.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`);
  return `CREATE TABLE ${table.name} (${[...keys, ...counts].join(', ')}, PRIMARY KEY (${table.columns.join(', ')})) WITHOUT ROWID;`;
}
