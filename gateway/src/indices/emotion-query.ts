import type { Db } from '../store/db.ts';
import { Where } from '../store/sql-where.ts';
import { EMOTIONS } from '@feedback/models';
import { emptyEmotionCounts, type EmotionCounts } from './math/emotion-indices.ts';

/** Sums the emotion monitor's per-window counts (the emotion_windows table) over a range. */
export class EmotionQuery {
  constructor(private readonly db: Db) {}

  totals(filter: { siteId?: string | undefined; pointIds?: string[] | undefined; from: number; to: number }): { all: EmotionCounts; entry: EmotionCounts; exit: EmotionCounts } {
    const where = new Where()
      .add('window_start >= ?', [filter.from])
      .add('window_start < ?', [filter.to])
      .add('site_id = ?', [filter.siteId], filter.siteId !== undefined)
      .add(`point_id IN (${(filter.pointIds ?? []).map(() => '?').join(',')})`, filter.pointIds ?? [], filter.pointIds !== undefined);
    const sums = ['faces', ...EMOTIONS].map((c) => `SUM(${c}) AS ${c}`).join(', ');
    const rows = this.db.prepare(`SELECT tag, ${sums} FROM emotion_windows ${where} GROUP BY tag`).all(...where.params) as ({ tag: string } & EmotionCounts)[];
    const all = emptyEmotionCounts();
    const byTag: Record<string, EmotionCounts> = { entry: emptyEmotionCounts(), exit: emptyEmotionCounts() };
    for (const row of rows) {
      for (const key of ['faces', ...EMOTIONS] as const) {
        all[key] += row[key] ?? 0;
        if (byTag[row.tag]) byTag[row.tag]![key] += row[key] ?? 0;
      }
    }
    return { all, entry: byTag.entry!, exit: byTag.exit! };
  }
}
