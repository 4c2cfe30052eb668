import type { Db } from '../store/db.ts';
import type { SiteCalendar } from '../../core/calendar.ts';
import { bucketOf } from './levels.ts';
import { RESPONSE_COUNT_COLUMNS, RESPONSE_ROLLUP_TABLES, type ResponseRollupTable } from './response-levels.ts';
import { responseContributions, staffContributions, type ResponseState, type StaffPart } from './response-state.ts';

interface Row {
  keys: unknown[];
  /** responses, negative, positive, misuse: signed sums */
  counts: number[];
}

function keyValues(table: ResponseRollupTable, r: ResponseState, bucket: number, c: { questionId: string; staffId?: string }): unknown[] {
  if (table.grain === 'staff') return [r.pointId, bucket, r.deviceId, c.staffId ?? '', r.surveyId ?? '', c.questionId];
  if (table.grain === 'detail') return [r.pointId, bucket, r.deviceId, r.surveyId ?? '', c.questionId];
  return [r.pointId, bucket, r.surveyId ?? '', c.questionId];
}

/**
 * Sums signed changes of responses into every response rollup table in memory, then writes each
 * row once (one upsert per bucket per batch). A response that changed is taken out as it was
 * (sign −1) and put in as it is now (sign +1): a later, earlier answer moves it between buckets,
 * a first counted answer turns a misuse response into a counted one. Used by live ingest and the rebuild.
 */
export class ResponseRollupAccumulator {
  private readonly rows = RESPONSE_ROLLUP_TABLES.map(() => new Map<string, Row>());

  constructor(private readonly calendarOf: (siteId: string) => SiteCalendar) {}

  add(state: ResponseState, sign: 1 | -1): void {
    const contributions = responseContributions(state);
    if (contributions.length === 0) return;
    const byStaff = staffContributions(state);
    const calendar = this.calendarOf(state.siteId);
    RESPONSE_ROLLUP_TABLES.forEach((table, i) => {
      const bucket = bucketOf(table.level, state.occurredAt, calendar);
      const map = this.rows[i]!;
      for (const c of table.grain === 'staff' ? byStaff : contributions) {
        const keys = keyValues(table, state, bucket, c);
        const id = keys.join('\u0000');
        let row = map.get(id);
        if (!row) map.set(id, (row = { keys, counts: [0, 0, 0, 0] }));
        row.counts[0]! += sign * c.responses;
        row.counts[1]! += sign * c.negative;
        row.counts[2]! += sign * c.positive;
        row.counts[3]! += sign * c.misuse;
      }
    });
  }

  /** Forgets every row summed so far (after a failed transaction). */
  discard(): void {
    for (const map of this.rows) map.clear();
  }

  /** Writes and forgets every row summed so far; a row whose counts all fall to 0 is deleted. Call inside a transaction. */
  flush(statements: ResponseRollupStatements): void {
    RESPONSE_ROLLUP_TABLES.forEach((_, i) => {
      const { upsert, dropEmpty } = statements[i]!;
      for (const { keys, counts } of this.rows[i]!.values()) {
        if (counts.every((c) => c === 0)) continue;
        upsert.run(...keys, ...counts);
        if (counts.some((c) => c < 0)) dropEmpty.run(...keys);
      }
      this.rows[i]!.clear();
    });
  }
}

interface Statement {
  run: (...args: unknown[]) => unknown;
}

/** Per response rollup table, in RESPONSE_ROLLUP_TABLES order: an adding upsert, and a delete of the row once all its counts are 0. */
export type ResponseRollupStatements = readonly { upsert: Statement; dropEmpty: Statement }[];

export function responseRollupStatements(db: Db): ResponseRollupStatements {
  return RESPONSE_ROLLUP_TABLES.map((t) => {
    const columns = [...t.columns, ...RESPONSE_COUNT_COLUMNS];
    const where = t.columns.map((c) => `${c} = ?`).join(' AND ');
    return {
      upsert: db.prepare<unknown[]>(
        `INSERT INTO ${t.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
         ON CONFLICT (${t.columns.join(', ')}) DO UPDATE SET ${RESPONSE_COUNT_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
      ),
      dropEmpty: db.prepare<unknown[]>(
        `DELETE FROM ${t.name} WHERE ${where} AND ${RESPONSE_COUNT_COLUMNS.map((c) => `${c} = 0`).join(' AND ')}`,
      ),
    };
  });
}

interface ResponseRow {
  key: string;
  siteId: string;
  pointId: string;
  deviceId: string;
  staffId: string | null;
  surveyId: string | null;
  source: string;
  occurredAt: number;
  counted: number;
  polarity: -1 | 0 | 1;
  misuse: number;
  questions: string;
  staff: string;
}

/** The `responses` table: one row per response, read before a change and written after it. */
export class ResponseRows {
  private readonly select;
  private readonly upsert;

  constructor(db: Db) {
    this.select = db.prepare<[string]>(
      `SELECT key, site_id AS siteId, point_id AS pointId, device_id AS deviceId, staff_id AS staffId, survey_id AS surveyId,
              source, occurred_at AS occurredAt, counted, polarity, misuse, questions, staff FROM responses WHERE key = ?`,
    );
    this.upsert = db.prepare<unknown[]>(
      `INSERT INTO responses (key, site_id, point_id, device_id, staff_id, survey_id, source, occurred_at, counted, polarity, misuse, questions, staff)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET site_id = excluded.site_id, point_id = excluded.point_id, device_id = excluded.device_id,
         staff_id = excluded.staff_id, survey_id = excluded.survey_id, source = excluded.source, occurred_at = excluded.occurred_at,
         counted = excluded.counted, polarity = excluded.polarity, misuse = excluded.misuse, questions = excluded.questions,
         staff = excluded.staff`,
    );
  }

  load(key: string): ResponseState | undefined {
    const row = this.select.get(key) as ResponseRow | undefined;
    if (!row) return undefined;
    return {
      ...row,
      counted: row.counted === 1,
      misuse: row.misuse === 1,
      questions: row.questions === '' ? [] : row.questions.split(','),
      staff: (JSON.parse(row.staff) as [string, number, string[]][]).map(([staffId, counted, questions]) => ({
        staffId,
        counted: counted === 1,
        questions,
      })),
    };
  }

  save(r: ResponseState): void {
    this.upsert.run(
      r.key,
      r.siteId,
      r.pointId,
      r.deviceId,
      r.staffId,
      r.surveyId,
      r.source,
      r.occurredAt,
      r.counted ? 1 : 0,
      r.polarity,
      r.misuse ? 1 : 0,
      r.questions.join(','),
      staffJson(r.staff),
    );
  }
}

/** The `responses.staff` column: a JSON array of [staff id, counted 1/0, counted question ids], one per part. */
function staffJson(staff: readonly StaffPart[]): string {
  return JSON.stringify(staff.map((p) => [p.staffId, p.counted ? 1 : 0, p.questions]));
}

/** Whether a key names a lone answer's response ("<device>/<boot>/<seq>"), which no other answer can join. */
export function isLoneResponseKey(key: string): boolean {
  return !/\/r\d+$/.test(key);
}
