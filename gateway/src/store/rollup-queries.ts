import type { Db } from './database.ts';
import { smileyButtons } from '../ingest/feedback-event.ts';
import type { SmileyCount } from '../indices/happy-index.ts';

/** Reads smiley press counts for a point over [from, to) from the minute rollups, never from raw answers. */
export class RollupQueries {
  private readonly smileyCountsStmt;

  constructor(db: Db) {
    this.smileyCountsStmt = db.prepare(
      `SELECT scale, value, SUM(n) AS n FROM rollup_minute
       WHERE point_id = ? AND minute >= ? AND minute < ? AND scale LIKE 'smiley%'
       GROUP BY scale, value`,
    );
  }

  smileyCounts(pointId: string, fromMs: number, toMs: number): SmileyCount[] {
    const rows = this.smileyCountsStmt.all(pointId, Math.floor(fromMs / 60_000), Math.ceil(toMs / 60_000)) as {
      scale: string;
      value: number;
      n: number;
    }[];
    return rows.flatMap((r) => {
      const buttons = smileyButtons(r.scale);
      return buttons === undefined ? [] : [{ buttons, value: r.value, n: r.n }];
    });
  }
}
