import type { Db } from '../../platform/store/db.ts';

/** Counts of one site-week's pulse answers: eNPS values 0–10 and drained values 1–5. */
export interface PulseWeek {
  week: number;
  enps: Map<number, number>;
  drained: Map<number, number>;
  answers: number;
}

/** Anonymous staff pulse answers: stored by site and local week only. */
export class PulseRepo {
  constructor(private readonly db: Db) {}

  /** Stores an answer once per key; false for a resent one. */
  add(a: { key: string; siteId: string; week: number; enps: number | null; drained: number | null }): boolean {
    return (
      this.db
        .prepare('INSERT OR IGNORE INTO staff_pulse (key, site_id, week, enps, drained) VALUES (?, ?, ?, ?, ?)')
        .run(a.key, a.siteId, a.week, a.enps, a.drained).changes === 1
    );
  }

  weeks(siteId: string, fromWeek: number, toWeek: number): PulseWeek[] {
    const rows = this.db
      .prepare('SELECT week, enps, drained FROM staff_pulse WHERE site_id = ? AND week >= ? AND week <= ? ORDER BY week')
      .all(siteId, fromWeek, toWeek) as { week: number; enps: number | null; drained: number | null }[];
    const byWeek = new Map<number, PulseWeek>();
    for (const r of rows) {
      const w = byWeek.get(r.week) ?? { week: r.week, enps: new Map(), drained: new Map(), answers: 0 };
      w.answers++;
      if (r.enps !== null) w.enps.set(r.enps, (w.enps.get(r.enps) ?? 0) + 1);
      if (r.drained !== null) w.drained.set(r.drained, (w.drained.get(r.drained) ?? 0) + 1);
      byWeek.set(r.week, w);
    }
    return [...byWeek.values()];
  }

  answersSince(siteId: string, fromWeek: number): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM staff_pulse WHERE site_id = ? AND week >= ?').get(siteId, fromWeek) as { n: number })
      .n;
  }
}
