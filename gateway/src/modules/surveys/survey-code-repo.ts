import { createHash, randomInt } from 'node:crypto';
import type { Db } from '../../platform/store/db.ts';

export type SurveyCodeKind = 'standing' | 'once';

export interface SurveyCode {
  id: number;
  pointId: string;
  kind: SurveyCodeKind;
  createdAt: number;
  expiresAt: number | null;
  usedAt: number | null;
  revokedAt: number | null;
}

/** Letters and digits that cannot be mistaken for each other when typed from a receipt (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const hash = (code: string) => createHash('sha256').update(code.toUpperCase()).digest('hex');
const COLUMNS =
  'id, point_id AS pointId, kind, created_at AS createdAt, expires_at AS expiresAt, used_at AS usedAt, revoked_at AS revokedAt';

/** Survey codes for phones; only their hashes are stored. */
export class SurveyCodeRepo {
  constructor(private readonly db: Db) {}

  /** A new code (12 characters: 59 bits, beyond guessing at any rate limit); a new standing code replaces the point's old one. */
  issue(c: { pointId: string; kind: SurveyCodeKind; expiresAt: number | null; by: string; at: number }): { code: string; row: SurveyCode } {
    const code = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return this.db.transaction(() => {
      if (c.kind === 'standing')
        this.db
          .prepare("UPDATE survey_codes SET revoked_at = ? WHERE point_id = ? AND kind = 'standing' AND revoked_at IS NULL")
          .run(c.at, c.pointId);
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO survey_codes (code_hash, point_id, kind, created_at, created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(hash(code), c.pointId, c.kind, c.at, c.by, c.expiresAt);
      return { code, row: this.db.prepare(`SELECT ${COLUMNS} FROM survey_codes WHERE id = ?`).get(Number(lastInsertRowid)) as SurveyCode };
    })();
  }

  byCode(code: string): SurveyCode | undefined {
    return this.db.prepare(`SELECT ${COLUMNS} FROM survey_codes WHERE code_hash = ?`).get(hash(code)) as SurveyCode | undefined;
  }

  /** Uses a one-time code; false when it was used already (by a submission a moment earlier). */
  use(id: number, at: number): boolean {
    return this.db.prepare('UPDATE survey_codes SET used_at = ? WHERE id = ? AND used_at IS NULL').run(at, id).changes === 1;
  }

  /** The next submission number of a code (the seq of its answers comes from it). */
  nextSubmission(id: number): number {
    return (
      this.db.prepare('UPDATE survey_codes SET submissions = submissions + 1 WHERE id = ? RETURNING submissions').get(id) as {
        submissions: number;
      }
    ).submissions;
  }
}
