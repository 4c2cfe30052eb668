import type { Db } from '../../platform/store/db.ts';
import type { Answer } from '../../core/answer.ts';
import { Where } from '../../platform/store/sql-where.ts';

/** An answer as stored: the feedback event, with its row id. */
export interface StoredAnswer extends Omit<Answer, 'source'> {
  id: number;
  source: string;
}

/** Reads raw answers, for audit and the API; indices never scan these. */
export class AnswerQueries {
  constructor(private readonly db: Db) {}

  /** The newest answers; siteIds, when given, limits them to those sites. */
  recent(filter: { pointId?: string | undefined; siteIds?: string[] | undefined; limit: number }): StoredAnswer[] {
    const where = new Where().add('point_id = ?', [filter.pointId], filter.pointId !== undefined).in('site_id', filter.siteIds);
    const rows = this.db
      .prepare(
        `SELECT id, device_id AS deviceId, boot, seq, site_id AS siteId, point_id AS pointId, staff_id AS staffId, survey_id AS surveyId, question_id AS questionId, scale, value,
                occurred_at AS occurredAt, received_at AS receivedAt, misuse, source
         FROM answers ${where} ORDER BY id DESC LIMIT ?`,
      )
      .all(...where.params, filter.limit) as (Omit<StoredAnswer, 'misuse'> & { misuse: number })[];
    return rows.map((r) => ({ ...r, misuse: r.misuse === 1 }));
  }

  /** A point's latest counted ratings since an instant, newest first (misuse and skipped questions left out). */
  latestRatings(pointId: string, since: number, limit: number): { scale: string; value: number }[] {
    return this.db
      .prepare(
        'SELECT scale, value FROM answers WHERE point_id = ? AND occurred_at >= ? AND misuse = 0 AND value IS NOT NULL ORDER BY occurred_at DESC, id DESC LIMIT ?',
      )
      .all(pointId, since, limit) as { scale: string; value: number }[];
  }
}
