import type { Db } from '../../platform/store/db.ts';
import { Where } from '../../platform/store/sql-where.ts';
import { EMOTIONS } from '@feedback/models';
import { emptyEmotionCounts, type EmotionCounts, type EmotionWindowRecord } from '../../core/emotion-counts.ts';

/** The emotion_windows table: per camera and window, the faces seen and their expressions. */
export class EmotionWindowRepo {
  private readonly upsert;

  constructor(private readonly db: Db) {
    this.upsert = db.prepare(
      `INSERT INTO emotion_windows (camera_id, site_id, point_id, tag, window_start, window_ms, faces, neutral, happy, surprise, sad, angry, fear, disgust)
       VALUES (@cameraId, @siteId, @pointId, @tag, @windowStart, @windowMs, @faces, @neutral, @happy, @surprise, @sad, @angry, @fear, @disgust)
       ON CONFLICT (camera_id, window_start) DO UPDATE SET faces = excluded.faces, neutral = excluded.neutral, happy = excluded.happy,
         surprise = excluded.surprise, sad = excluded.sad, angry = excluded.angry, fear = excluded.fear, disgust = excluded.disgust`,
    );
  }

  /** Stores a window (a window flushed again replaces its counts); false once the database is closed. */
  save(w: EmotionWindowRecord): boolean {
    if (!this.db.open) return false;
    this.upsert.run(w);
    return true;
  }

  /** Sums the windows over a range, overall and by camera tag (entry, exit). */
  totals(filter: { siteIds?: string[] | undefined; pointIds?: string[] | undefined; from: number; to: number }): {
    all: EmotionCounts;
    entry: EmotionCounts;
    exit: EmotionCounts;
  } {
    const where = new Where()
      .add('window_start >= ?', [filter.from])
      .add('window_start < ?', [filter.to])
      .add(`site_id IN (${(filter.siteIds ?? []).map(() => '?').join(',')})`, filter.siteIds ?? [], filter.siteIds !== undefined)
      .add(`point_id IN (${(filter.pointIds ?? []).map(() => '?').join(',')})`, filter.pointIds ?? [], filter.pointIds !== undefined);
    const sums = ['faces', ...EMOTIONS].map((c) => `SUM(${c}) AS ${c}`).join(', ');
    const rows = this.db.prepare(`SELECT tag, ${sums} FROM emotion_windows ${where} GROUP BY tag`).all(...where.params) as ({
      tag: string;
    } & EmotionCounts)[];
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
