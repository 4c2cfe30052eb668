import type { Db } from '../../platform/store/db.ts';
import { Where } from '../../platform/store/sql-where.ts';
import type { IncomingReview, Review, ReviewStatus, Sentiment } from './review.ts';

const COLUMNS = `id, site_id AS siteId, platform, external_id AS externalId, link, published_at AS publishedAt, imported_at AS importedAt, author, rating, text,
  sentiment, sentiment_from AS sentimentFrom, status, reply, reply_due_at AS replyDueAt, answered_at AS answeredAt, answered_by AS answeredBy, case_id AS caseId`;

export interface ReviewFilter {
  siteIds?: string[] | undefined;
  status?: ReviewStatus | undefined;
  sentiment?: Sentiment | undefined;
  /** not answered and past the reply deadline at this instant */
  overdueAt?: number | undefined;
  from?: number | undefined;
  to?: number | undefined;
  limit: number;
}

export interface ReviewCheckDay {
  day: number;
  checkedAt: number | null;
  checkedBy: string | null;
  violationAt: number | null;
}

/** The online reviews journal and its daily "reviews checked" marks. */
export class ReviewRepo {
  constructor(private readonly db: Db) {}

  get(id: number): Review | undefined {
    return this.db.prepare(`SELECT ${COLUMNS} FROM reviews WHERE id = ?`).get(id) as Review | undefined;
  }

  /**
   * Stores a review unless the journal has it already (the same platform and id, or the same
   * platform and link); returns its id, or undefined for a duplicate.
   */
  insert(
    siteId: string,
    r: IncomingReview,
    s: { sentiment: Sentiment; from: 'rating' | 'text' },
    importedAt: number,
    replyDueAt: number,
  ): number | undefined {
    return this.db.transaction(() => {
      const seen = this.db
        .prepare(
          'SELECT 1 FROM reviews WHERE platform = ? AND ((external_id IS NOT NULL AND external_id = ?) OR (link IS NOT NULL AND link = ?))',
        )
        .get(r.platform, r.externalId, r.link);
      if (seen) return undefined;
      const key = `${r.platform}\u0000${r.externalId !== null ? `id:${r.externalId}` : `link:${r.link}`}`;
      const { changes, lastInsertRowid } = this.db
        .prepare(
          `INSERT OR IGNORE INTO reviews (site_id, platform, external_id, link, dedupe_key, published_at, imported_at, author, rating, text, sentiment, sentiment_from, status, reply_due_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?)`,
        )
        .run(
          siteId,
          r.platform,
          r.externalId,
          r.link,
          key,
          r.publishedAt,
          importedAt,
          r.author,
          r.rating,
          r.text,
          s.sentiment,
          s.from,
          replyDueAt,
        );
      return changes === 1 ? Number(lastInsertRowid) : undefined;
    })();
  }

  /** Newest first. */
  list(filter: ReviewFilter): Review[] {
    const where = new Where()
      .in('site_id', filter.siteIds)
      .add('status = ?', [filter.status], filter.status !== undefined)
      .add('sentiment = ?', [filter.sentiment], filter.sentiment !== undefined)
      .add("status != 'answered' AND reply_due_at < ?", [filter.overdueAt], filter.overdueAt !== undefined)
      .add('published_at >= ?', [filter.from], filter.from !== undefined)
      .add('published_at < ?', [filter.to], filter.to !== undefined);
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM reviews ${where} ORDER BY published_at DESC, id DESC LIMIT ?`)
      .all(...where.params, filter.limit) as Review[];
  }

  setStatus(id: number, status: ReviewStatus): void {
    this.db.prepare('UPDATE reviews SET status = ? WHERE id = ?').run(status, id);
  }

  answer(id: number, reply: string, by: string, at: number): void {
    this.db
      .prepare("UPDATE reviews SET status = 'answered', reply = ?, answered_by = ?, answered_at = COALESCE(answered_at, ?) WHERE id = ?")
      .run(reply, by, at, id);
  }

  linkCase(id: number, caseId: number): void {
    this.db.prepare("UPDATE reviews SET status = 'passed_to_quality', case_id = ? WHERE id = ?").run(caseId, id);
  }

  /** Marks a site's local day checked (the first mark counts). */
  markChecked(siteId: string, day: number, by: string, at: number): void {
    this.db
      .prepare(
        'INSERT INTO review_checks (site_id, day, checked_at, checked_by) VALUES (?, ?, ?, ?) ON CONFLICT (site_id, day) DO UPDATE SET checked_by = COALESCE(checked_by, excluded.checked_by), checked_at = COALESCE(checked_at, excluded.checked_at)',
      )
      .run(siteId, day, at, by);
  }

  /** Records the day's missing mark as a violation, once; false when it was checked or already recorded. */
  recordViolation(siteId: string, day: number, at: number): boolean {
    const { changes } = this.db
      .prepare(
        'INSERT INTO review_checks (site_id, day, violation_at) VALUES (?, ?, ?) ON CONFLICT (site_id, day) DO UPDATE SET violation_at = excluded.violation_at WHERE checked_at IS NULL AND violation_at IS NULL',
      )
      .run(siteId, day, at);
    return changes === 1;
  }

  checks(siteId: string, fromDay: number, toDay: number): ReviewCheckDay[] {
    return this.db
      .prepare(
        'SELECT day, checked_at AS checkedAt, checked_by AS checkedBy, violation_at AS violationAt FROM review_checks WHERE site_id = ? AND day >= ? AND day <= ? ORDER BY day',
      )
      .all(siteId, fromDay, toDay) as ReviewCheckDay[];
  }
}
