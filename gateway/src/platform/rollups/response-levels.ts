import { LEVELS, type Level } from './levels.ts';

/**
 * Response rollups (METRICS.md, "Responses"): people, not questions. Each row counts responses
 * (one press, one kiosk run, one phone submission) by where and when they began, so traffic
 * indices and alerts read O(rollups), never raw answers.
 *
 * question_id '' is the response itself; a row with a question id counts the responses that
 * answered that question (the question filter), negative/positive still by the headline answer.
 * 'detail' keeps the device; 'point' drops it, for chain-wide queries. Both count each response once.
 * 'staff' keeps device and staff: a response counts there once for each person on shift at one of
 * its counted answers (METRICS.md "Precise readings"), so it is read only to filter or group by staff.
 */
export const RESPONSE_COUNT_COLUMNS = ['responses', 'negative', 'positive', 'misuse'] as const;
export type ResponseCountColumn = (typeof RESPONSE_COUNT_COLUMNS)[number];

/** How a response rollup table splits its counts (see above). */
export type ResponseGrain = 'detail' | 'point' | 'staff';

export interface ResponseRollupTable {
  name: string;
  level: Level;
  grain: ResponseGrain;
  /** the primary key, in order */
  columns: readonly string[];
}

const KEY_COLUMNS: Record<ResponseGrain, readonly string[]> = {
  detail: ['point_id', 'bucket', 'device_id', 'survey_id', 'question_id'],
  point: ['point_id', 'bucket', 'survey_id', 'question_id'],
  staff: ['point_id', 'bucket', 'device_id', 'staff_id', 'survey_id', 'question_id'],
};

export const RESPONSE_ROLLUP_TABLES: readonly ResponseRollupTable[] = [
  ...LEVELS.map((level) => ({ name: `response_rollup_${level}`, level, grain: 'detail' as const, columns: KEY_COLUMNS.detail })),
  ...(['day', 'month'] as const).map((level) => ({
    name: `response_rollup_point_${level}`,
    level,
    grain: 'point' as const,
    columns: KEY_COLUMNS.point,
  })),
  ...LEVELS.map((level) => ({ name: `response_staff_rollup_${level}`, level, grain: 'staff' as const, columns: KEY_COLUMNS.staff })),
];

/** The table a query reads for a level: by staff when it filters or groups by staff, else per point when it needs no device. */
export function responseRollupTable(level: Level, needs: 'staff' | 'device' | 'point'): ResponseRollupTable {
  if (needs === 'staff') return RESPONSE_ROLLUP_TABLES.find((t) => t.level === level && t.grain === 'staff')!;
  const wanted = needs === 'device' ? 'detail' : 'point';
  return (
    RESPONSE_ROLLUP_TABLES.find((t) => t.level === level && t.grain === wanted) ??
    RESPONSE_ROLLUP_TABLES.find((t) => t.level === level && t.grain === 'detail')!
  );
}
