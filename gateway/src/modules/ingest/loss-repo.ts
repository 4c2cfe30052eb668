import type { Db } from '../../platform/store/db.ts';

/** The kinds of lost feedback METRICS.md's collection rate counts. */
export const LOSS_KINDS = ['sequenceGaps', 'kioskDropped', 'phoneRefused'] as const;
export type LossKind = (typeof LOSS_KINDS)[number];

/** Something lost: what it is (its key), where, how many responses, and when it was seen. */
export interface Loss {
  key: string;
  kind: LossKind;
  siteId: string;
  pointId: string;
  count: number;
  at: number;
}

/**
 * The responses known lost (schema v13's `lost_responses`). Each loss has a key, so a report of the
 * same loss (the next heartbeat of a boot, a retransmitted refused run, a retried submission) updates
 * it rather than adding to it; a count that falls back to 0 (late presses arrived) stays at 0.
 */
export class LossRepo {
  private readonly upsert;
  private readonly clear;
  private readonly once;
  private readonly byKind;

  constructor(db: Db) {
    this.upsert = db.prepare(
      `INSERT INTO lost_responses (key, kind, site_id, point_id, count, at) VALUES (@key, @kind, @siteId, @pointId, @count, @at)
       ON CONFLICT (key) DO UPDATE SET count = excluded.count`,
    );
    this.clear = db.prepare('UPDATE lost_responses SET count = 0 WHERE key = ?');
    this.once = db.prepare(
      'INSERT OR IGNORE INTO lost_responses (key, kind, site_id, point_id, count, at) VALUES (@key, @kind, @siteId, @pointId, @count, @at)',
    );
    // A loss named by a response key (a refused kiosk run, a failed phone submission) is no loss once
    // that response is stored after all (another answer of the run arrived, a retry went through).
    this.byKind = db.prepare(
      `SELECT kind, SUM(count) AS n FROM lost_responses l
       WHERE site_id = ? AND at >= ? AND at < ? AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.key = l.key)
       GROUP BY kind`,
    );
  }

  /**
   * A loss whose count may change as more is known (a boot's gaps): kept at its latest count. A key
   * with nothing lost and nothing recorded yet writes nothing.
   */
  set(loss: Loss): void {
    if (loss.count > 0) this.upsert.run(loss);
    else this.clear.run(loss.key);
  }

  /** A loss that happens once (a refused run, a failed submission): a second report of the same key changes nothing. */
  add(loss: Loss): void {
    this.once.run(loss);
  }

  /** A site's responses known lost in [from, to), by kind (every kind present, 0 where none). */
  lost(siteId: string, from: number, to: number): Record<LossKind, number> {
    const counts = Object.fromEntries(LOSS_KINDS.map((k) => [k, 0])) as Record<LossKind, number>;
    for (const r of this.byKind.all(siteId, from, to) as { kind: string; n: number }[])
      if ((LOSS_KINDS as readonly string[]).includes(r.kind)) counts[r.kind as LossKind] = r.n;
    return counts;
  }
}
