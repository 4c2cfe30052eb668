import { LEVELS, type Grain, type Level } from './levels.ts';

/**
 * Response rollups (METRICS.md, "Responses"): people, not questions. Each row counts responses
 * (one press, one kiosk run, one phone submission) by where and when they began, so traffic
 * indices and alerts read O(rollups), never raw answers.
 *
 * question_id '' is the response itself; a row with a question id counts the responses that
 * answered that question (the question filter), negative/positive still by the headline answer.
 * 'detail' keeps device and staff; 'point' drops them, for chain-wide queries.
 */
export const RESPONSE_COUNT_COLUMNS = ['responses', 'negative', 'positive', 'misuse'] as const;
export type ResponseCountColumn = (typeof RESPONSE_COUNT_COLUMNS)[number];

export interface ResponseRollupTable {
  name: string;
  level: Level;
  grain: Grain;
  /** the primary key, in order */
  columns: readonly string[];
}

const KEY_COLUMNS: Record<Grain, readonly string[]> = {
  detail: ['point_id', 'bucket', 'device_id', 'staff_id', 'survey_id', 'question_id'],
  point: ['point_id', 'bucket', 'survey_id', 'question_id'],
};

export const RESPONSE_ROLLUP_TABLES: readonly ResponseRollupTable[] = [
  ...LEVELS.map((level) => ({ name: `response_rollup_${level}`, level, grain: 'detail' as const, columns: KEY_COLUMNS.detail })),
  ...(['day', 'month'] as const).map((level) => ({
    name: `response_rollup_point_${level}`,
    level,
    grain: 'point' as const,
    columns: KEY_COLUMNS.point,
  })),
];

/** The table a query reads for a level: per point when it needs neither device nor staff. */
export function responseRollupTable(level: Level, needsDetail: boolean): ResponseRollupTable {
  const wanted = needsDetail ? 'detail' : 'point';
  return (
    RESPONSE_ROLLUP_TABLES.find((t) => t.level === level && t.grain === wanted) ??
    RESPONSE_ROLLUP_TABLES.find((t) => t.level === level && t.grain === 'detail')!
  );
}
