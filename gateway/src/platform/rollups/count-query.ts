import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/db.ts';
import { COUNT_COLUMNS, rollupTable, type Level } from './levels.ts';
import type { Segment } from './range-plan.ts';

/** Which answers an index is computed over (besides the time range). */
export interface AnswerFilter {
  pointIds: string[];
  deviceId?: string | undefined;
  /** only answers from these devices (a channel: buttons, kiosks or phones) */
  deviceIds?: readonly string[] | undefined;
  staffId?: string | undefined;
  surveyId?: string | undefined;
  questionId?: string | undefined;
  /** only these scales, e.g. ['nps11'], or scales matching 'smiley%' */
  scales?: string[] | undefined;
}

/** Counts of one (scale, question, value) cell, optionally split by a dimension. */
export interface CountRow {
  scale: string;
  questionId: string;
  value: number;
  n: number;
  /** the group (point, staff or bucket) when the query is grouped */
  group?: string | number;
}

export type GroupBy = 'point' | 'staff' | 'bucket' | undefined;

const GROUP_COLUMN: Record<Exclude<GroupBy, undefined>, string> = { point: 'point_id', staff: 'staff_id', bucket: 'bucket' };

/** Reads counts from the rollup levels for planned segments; statements are prepared once per shape. */
export class CountQuery {
  private readonly statements = new Map<string, Statement<unknown[], unknown[]>>();

  constructor(private readonly db: Db) {}

  counts(segments: Segment[], filter: AnswerFilter, groupBy?: GroupBy): CountRow[] {
    if (filter.pointIds.length === 0 || filter.deviceIds?.length === 0) return [];
    const rows: CountRow[] = [];
    for (const segment of segments) rows.push(...this.segment(segment, filter, groupBy));
    return rows;
  }

  private segment(segment: Segment, f: AnswerFilter, groupBy: GroupBy): CountRow[] {
    const scales = f.scales ?? [];
    const likeSmiley = scales.includes('smiley%');
    const exactScales = scales.filter((s) => s !== 'smiley%');
    const shape = [
      segment.level,
      f.pointIds.length,
      f.deviceId !== undefined,
      f.deviceIds?.length ?? -1,
      f.staffId !== undefined,
      f.surveyId !== undefined,
      f.questionId !== undefined,
      exactScales.length,
      likeSmiley,
      groupBy,
    ].join('|');
    let stmt = this.statements.get(shape);
    if (!stmt) {
      stmt = this.db.prepare<unknown[], unknown[]>(this.sql(segment.level, f, exactScales.length, likeSmiley, groupBy)).raw();
      this.statements.set(shape, stmt);
    }
    const params: unknown[] = [...f.pointIds, segment.fromBucket, segment.toBucket];
    if (f.deviceId !== undefined) params.push(f.deviceId);
    params.push(...(f.deviceIds ?? []));
    for (const v of [f.staffId, f.surveyId, f.questionId]) if (v !== undefined) params.push(v);
    params.push(...exactScales);
    // Each row holds the counts of values value_base + 0..10 side by side: one CountRow per value counted.
    const out: CountRow[] = [];
    for (const row of stmt.all(...params)) {
      const [scale, questionId, base, group] = row as [string, string, number, string | number | null];
      for (let k = 0; k < COUNT_COLUMNS.length; k++) {
        const n = row[4 + k] as number;
        if (n > 0)
          out.push(groupBy ? { scale, questionId, value: base + k, n, group: group ?? '' } : { scale, questionId, value: base + k, n });
      }
    }
    return out;
  }

  private sql(level: Level, f: AnswerFilter, exactScales: number, likeSmiley: boolean, groupBy: GroupBy): string {
    const where = [`point_id IN (${f.pointIds.map(() => '?').join(', ')})`, 'bucket >= ?', 'bucket < ?'];
    if (f.deviceId !== undefined) where.push('device_id = ?');
    if (f.deviceIds !== undefined) where.push(`device_id IN (${f.deviceIds.map(() => '?').join(', ')})`);
    if (f.staffId !== undefined) where.push('staff_id = ?');
    if (f.surveyId !== undefined) where.push('survey_id = ?');
    if (f.questionId !== undefined) where.push('question_id = ?');
    const scaleParts = [];
    if (exactScales > 0) scaleParts.push(`scale IN (${Array.from({ length: exactScales }, () => '?').join(', ')})`);
    if (likeSmiley) scaleParts.push("scale LIKE 'smiley%'");
    if (scaleParts.length > 0) where.push(`(${scaleParts.join(' OR ')})`);
    const group = groupBy ? GROUP_COLUMN[groupBy] : 'NULL';
    const groupCols = groupBy ? `, ${GROUP_COLUMN[groupBy]}` : '';
    const table = rollupTable(
      level,
      f.deviceId !== undefined || f.deviceIds !== undefined || f.staffId !== undefined || groupBy === 'staff',
    );
    return `SELECT scale, question_id, value_base, ${group}, ${COUNT_COLUMNS.map((c) => `SUM(${c})`).join(', ')}
            FROM ${table.name} WHERE ${where.join(' AND ')}
            GROUP BY scale, question_id, value_base${groupCols}`;
  }
}
