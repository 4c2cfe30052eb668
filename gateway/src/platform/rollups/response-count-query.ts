import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/db.ts';
import type { AnswerFilter, GroupBy } from './count-query.ts';
import type { Level } from './levels.ts';
import type { Segment } from './range-plan.ts';
import { RESPONSE_COUNT_COLUMNS, responseRollupTable } from './response-levels.ts';

/** Which responses a traffic figure counts: the answer filter without scales (a response is not on one scale). */
export type ResponseFilter = Omit<AnswerFilter, 'scales'>;

/** Responses (people, METRICS.md "Responses") and their negative, positive and misuse parts, optionally of one group. */
export interface ResponseCountRow {
  responses: number;
  negative: number;
  positive: number;
  misuse: number;
  /** the group (point, staff or bucket) when the query is grouped */
  group?: string | number;
}

const GROUP_COLUMN: Record<Exclude<GroupBy, undefined>, string> = { point: 'point_id', staff: 'staff_id', bucket: 'bucket' };

/**
 * Reads response counts from the response rollups for planned segments. Without a question filter
 * it reads the rows of the responses themselves (question_id ''); with one, the rows counting the
 * responses that answered that question. A staff filter or a staff breakdown reads the staff-keyed
 * rollups, where a response counts for each person on shift at one of its counted answers (at one
 * that answered the question, with a question filter); every other query reads rollups that count
 * each response once. Statements are prepared once per shape.
 */
export class ResponseCountQuery {
  private readonly statements = new Map<string, Statement<unknown[], unknown[]>>();

  constructor(private readonly db: Db) {}

  counts(segments: Segment[], filter: ResponseFilter, groupBy?: GroupBy): ResponseCountRow[] {
    if (filter.pointIds.length === 0 || filter.deviceIds?.length === 0) return [];
    const rows: ResponseCountRow[] = [];
    for (const segment of segments) rows.push(...this.segment(segment, filter, groupBy));
    return rows;
  }

  private segment(segment: Segment, f: ResponseFilter, groupBy: GroupBy): ResponseCountRow[] {
    const shape = [
      segment.level,
      f.pointIds.length,
      f.deviceId !== undefined,
      f.deviceIds?.length ?? -1,
      f.staffId !== undefined,
      f.surveyId !== undefined,
      groupBy,
    ].join('|');
    let stmt = this.statements.get(shape);
    if (!stmt) {
      stmt = this.db.prepare<unknown[], unknown[]>(this.sql(segment.level, f, groupBy)).raw();
      this.statements.set(shape, stmt);
    }
    const params: unknown[] = [...f.pointIds, segment.fromBucket, segment.toBucket];
    if (f.deviceId !== undefined) params.push(f.deviceId);
    params.push(...(f.deviceIds ?? []));
    for (const v of [f.staffId, f.surveyId]) if (v !== undefined) params.push(v);
    params.push(f.questionId ?? '');
    const out: ResponseCountRow[] = [];
    for (const row of stmt.all(...params)) {
      const [group, responses, negative, positive, misuse] = row as [string | number | null, number, number, number, number];
      if (responses === 0 && misuse === 0) continue;
      out.push(groupBy ? { responses, negative, positive, misuse, group: group ?? '' } : { responses, negative, positive, misuse });
    }
    return out;
  }

  private sql(level: Level, f: ResponseFilter, groupBy: GroupBy): string {
    const where = [`point_id IN (${f.pointIds.map(() => '?').join(', ')})`, 'bucket >= ?', 'bucket < ?'];
    if (f.deviceId !== undefined) where.push('device_id = ?');
    if (f.deviceIds !== undefined) where.push(`device_id IN (${f.deviceIds.map(() => '?').join(', ')})`);
    if (f.staffId !== undefined) where.push('staff_id = ?');
    if (f.surveyId !== undefined) where.push('survey_id = ?');
    where.push('question_id = ?');
    const group = groupBy ? GROUP_COLUMN[groupBy] : 'NULL';
    const groupCols = groupBy ? ` GROUP BY ${GROUP_COLUMN[groupBy]}` : '';
    const byStaff = f.staffId !== undefined || groupBy === 'staff';
    const table = responseRollupTable(
      level,
      byStaff ? 'staff' : f.deviceId !== undefined || f.deviceIds !== undefined ? 'device' : 'point',
    );
    return `SELECT ${group}, ${RESPONSE_COUNT_COLUMNS.map((c) => `COALESCE(SUM(${c}), 0)`).join(', ')}
            FROM ${table.name} WHERE ${where.join(' AND ')}${groupCols}`;
  }
}

/** Rows summed into one total. */
export function sumResponses(rows: readonly ResponseCountRow[]): Omit<ResponseCountRow, 'group'> {
  const t = { responses: 0, negative: 0, positive: 0, misuse: 0 };
  for (const r of rows) {
    t.responses += r.responses;
    t.negative += r.negative;
    t.positive += r.positive;
    t.misuse += r.misuse;
  }
  return t;
}
