import type { Db } from '../../platform/store/db.ts';
import type { AnswerNote } from './answer-note.ts';

export interface CommentRow {
  deviceId: string;
  boot: number;
  seq: number;
  pointId: string;
  scale: string;
  value: number | null;
  comment: string;
  flags: string[];
  publishable: boolean;
  notedAt: number;
}

/** Follow-up reasons, comments and callback requests, each attached to one stored answer. */
export class AnswerNoteRepo {
  constructor(private readonly db: Db) {}

  /** The stored answer a note would attach to. */
  answer(
    deviceId: string,
    boot: number,
    seq: number,
  ): { siteId: string; pointId: string; responseKey: string; scale: string; value: number | null; misuse: boolean } | undefined {
    const row = this.db
      .prepare(
        `SELECT site_id AS siteId, point_id AS pointId, COALESCE(response_key, device_id || '/' || boot || '/' || seq) AS responseKey,
                scale, value, misuse FROM answers WHERE device_id = ? AND boot = ? AND seq = ?`,
      )
      .get(deviceId, boot, seq) as
      { siteId: string; pointId: string; responseKey: string; scale: string; value: number | null; misuse: number } | undefined;
    return row && { ...row, misuse: row.misuse === 1 };
  }

  /** Stores a note once per answer; false when the answer already has one (a resent note). */
  save(note: AnswerNote): boolean {
    const { changes } = this.db
      .prepare(
        `INSERT OR IGNORE INTO answer_notes (device_id, boot, seq, point_id, value, negative, reasons, comment, contact, flags, noted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        note.deviceId,
        note.boot,
        note.seq,
        note.pointId,
        note.value,
        Number(note.negative),
        JSON.stringify(note.reasons),
        note.comment,
        note.contact,
        JSON.stringify(note.flags),
        note.notedAt,
      );
    return changes === 1;
  }

  /** Forgets the contact of one answer's note, out of the write-ahead log too. */
  forgetContact(target: { deviceId: string; boot: number; seq: number }): void {
    this.db
      .prepare('UPDATE answer_notes SET contact = NULL WHERE device_id = ? AND boot = ? AND seq = ?')
      .run(target.deviceId, target.boot, target.seq);
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** How many notes came with a negative answer at some points in a period. */
  countNegative(pointIds: string[], from: number, to: number): number {
    if (pointIds.length === 0) return 0;
    return (
      this.db
        .prepare(
          `SELECT COUNT(*) AS n FROM answer_notes WHERE point_id IN (${pointIds.map(() => '?').join(',')}) AND noted_at >= ? AND noted_at < ? AND negative = 1`,
        )
        .get(...pointIds, from, to) as { n: number }
    ).n;
  }

  /** How often each follow-up reason was picked with a negative answer at some points in a period. */
  negativeReasons(pointIds: string[], from: number, to: number): { reason: string; count: number }[] {
    if (pointIds.length === 0) return [];
    return this.db
      .prepare(
        `SELECT j.value AS reason, COUNT(*) AS count FROM answer_notes n, json_each(n.reasons) j
         WHERE n.point_id IN (${pointIds.map(() => '?').join(',')}) AND n.noted_at >= ? AND n.noted_at < ? AND n.negative = 1
         GROUP BY j.value ORDER BY count DESC, reason`,
      )
      .all(...pointIds, from, to) as { reason: string; count: number }[];
  }

  /** Comments at some points in a period, newest first: the text, how the answer went, flags and whether it is published (never the contact). */
  comments(filter: { pointIds: string[]; from: number; to: number; limit: number }): CommentRow[] {
    if (filter.pointIds.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT n.device_id AS deviceId, n.boot, n.seq, n.point_id AS pointId, a.scale, n.value, n.comment, n.flags, n.publishable, n.noted_at AS notedAt
         FROM answer_notes n JOIN answers a ON a.device_id = n.device_id AND a.boot = n.boot AND a.seq = n.seq
         WHERE n.point_id IN (${filter.pointIds.map(() => '?').join(',')}) AND n.noted_at >= ? AND n.noted_at < ? AND n.comment IS NOT NULL
         ORDER BY n.noted_at DESC LIMIT ?`,
      )
      .all(...filter.pointIds, filter.from, filter.to, filter.limit) as (Omit<CommentRow, 'flags' | 'publishable'> & {
      flags: string;
      publishable: number;
    })[];
    return rows.map((r) => ({ ...r, flags: JSON.parse(r.flags) as string[], publishable: r.publishable === 1 }));
  }

  /** Marks a positive, unflagged comment as one the staff screen may show; false when it may not be. */
  setPublishable(deviceId: string, boot: number, seq: number, publishable: boolean): boolean {
    const { changes } = this.db
      .prepare(
        "UPDATE answer_notes SET publishable = ? WHERE device_id = ? AND boot = ? AND seq = ? AND negative = 0 AND comment IS NOT NULL AND flags = '[]'",
      )
      .run(Number(publishable), deviceId, boot, seq);
    return changes === 1;
  }

  /** The latest comments marked publishable at a point: the text only, never who wrote it. */
  publishedComments(pointId: string, limit: number): { comment: string; notedAt: number }[] {
    return this.db
      .prepare(
        "SELECT comment, noted_at AS notedAt FROM answer_notes WHERE point_id = ? AND publishable = 1 AND negative = 0 AND flags = '[]' AND comment IS NOT NULL ORDER BY noted_at DESC LIMIT ?",
      )
      .all(pointId, limit) as { comment: string; notedAt: number }[];
  }
}
