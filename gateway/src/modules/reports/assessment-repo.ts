import type { Db } from '../../platform/store/db.ts';

export interface SavedAssessment {
  id: number;
  siteId: string | null;
  takenAt: number;
  takenBy: string;
  /** per item: the answer, whether the gateway gave it, and its evidence */
  answers: Record<string, { answer: 'yes' | 'partly' | 'no'; automatic: boolean; evidence: string | null }>;
  score: number;
}

/** Self-assessments as taken, kept by date so they can be compared over time. */
export class AssessmentRepo {
  constructor(private readonly db: Db) {}

  save(a: Omit<SavedAssessment, 'id'>): SavedAssessment {
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO self_assessments (site_id, taken_at, taken_by, answers, score) VALUES (?, ?, ?, ?, ?)')
      .run(a.siteId, a.takenAt, a.takenBy, JSON.stringify(a.answers), a.score);
    return { ...a, id: Number(lastInsertRowid) };
  }

  /** Oldest first. */
  list(siteIds: string[] | undefined, limit: number): SavedAssessment[] {
    const where = siteIds ? `WHERE site_id IN (${siteIds.map(() => '?').join(',')})` : '';
    const rows = this.db
      .prepare(
        `SELECT id, site_id AS siteId, taken_at AS takenAt, taken_by AS takenBy, answers, score FROM (SELECT * FROM self_assessments ${where} ORDER BY taken_at DESC LIMIT ?) ORDER BY taken_at`,
      )
      .all(...(siteIds ?? []), limit) as (Omit<SavedAssessment, 'answers'> & { answers: string })[];
    return rows.map((r) => ({ ...r, answers: JSON.parse(r.answers) as SavedAssessment['answers'] }));
  }
}
