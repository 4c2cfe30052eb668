import type { SiteCalendar } from '../indices/calendar.ts';

/**
 * The rollup levels, finest first. Minute and hour buckets are UTC epoch minutes and hours; day
 * and month buckets are the site's local yyyymmdd and yyyymm. Every level holds the same counts
 * per (point, device, staff, survey, question, scale, value); '' stands for "none".
 */
export const LEVELS = ['minute', 'hour', 'day', 'month'] as const;
export type Level = (typeof LEVELS)[number];

export const ROLLUP_TABLE: Record<Level, string> = {
  minute: 'rollup_minute',
  hour: 'rollup_hour',
  day: 'rollup_day',
  month: 'rollup_month',
};

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

export const ROLLUP_COLUMNS = 'point_id, bucket, device_id, staff_id, survey_id, question_id, scale, value';

/** The SQL that creates one level's table. */
export function rollupTableSql(level: Level): string {
  return `CREATE TABLE ${ROLLUP_TABLE[level]} (
    point_id TEXT NOT NULL, bucket INTEGER NOT NULL, device_id TEXT NOT NULL, staff_id TEXT NOT NULL,
    survey_id TEXT NOT NULL, question_id TEXT NOT NULL, scale TEXT NOT NULL, value INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (${ROLLUP_COLUMNS})
  ) WITHOUT ROWID;`;
}
