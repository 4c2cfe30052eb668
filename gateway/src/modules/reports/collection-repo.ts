import type { Db } from '../../platform/store/db.ts';
import { LOSS_KINDS, LossRepo, type LossKind } from '../ingest/loss-repo.ts';

export { LOSS_KINDS, type LossKind };

/** Responses stored in a period, and those known lost, by kind (a kind the store does not record yet is absent). */
export interface CollectionCounts {
  stored: number;
  lost: Partial<Record<LossKind, number>>;
}

/** What the collection rate reads, as a promise (the read seam: the read-side helper may swap it for the response counts API). */
export type CollectionReader = (siteId: string, from: number, to: number) => Promise<CollectionCounts>;

/**
 * Counts a site's counted responses (schema v12's `responses`, by their first answer's time) and
 * those known lost in the same period (schema v13's `lost_responses`, by when each loss was seen):
 * presses a button's counter says never arrived, kiosk runs refused whole, phone submissions that
 * failed on a fault of ours.
 */
export function collectionReader(db: Db): CollectionReader {
  const stored = db.prepare(
    'SELECT COUNT(*) AS n FROM responses WHERE site_id = ? AND counted = 1 AND occurred_at >= ? AND occurred_at < ?',
  );
  const losses = new LossRepo(db);
  return async (siteId, from, to) => ({ stored: (stored.get(siteId, from, to) as { n: number }).n, lost: losses.lost(siteId, from, to) });
}

/** The collection rate: stored / (stored + known lost), a percentage 0–100 (its n: stored + lost), null with nothing stored or lost. */
export interface CollectionRate {
  rate: number | null;
  stored: number;
  lost: number;
  /** the kinds of loss counted; a kind missing here is not recorded, so the rate cannot see it */
  lossesRecorded: LossKind[];
  target: number;
}

export function collectionRate(counts: CollectionCounts, target: number): CollectionRate {
  const lost = Object.values(counts.lost).reduce((a, b) => a + b, 0);
  const whole = counts.stored + lost;
  return {
    rate: whole === 0 ? null : (100 * counts.stored) / whole,
    stored: counts.stored,
    lost,
    lossesRecorded: LOSS_KINDS.filter((k) => counts.lost[k] !== undefined),
    target,
  };
}
