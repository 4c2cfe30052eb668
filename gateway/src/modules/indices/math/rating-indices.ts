import { clamp, tInterval, wilson, Z95, type Moments } from './intervals.ts';
import type { IndexResult } from './index-result.ts';
import type { SmileyCount } from './happy-index.ts';
import { polarity } from '../../../core/scale.ts';
import { smileyScale } from '../../../core/scale.ts';

/** Answers per value on one scale: value → count. Skipped answers are never in here. */
export type Counts = ReadonlyMap<number, number>;

function total(counts: Counts, keep: (value: number) => boolean = () => true): number {
  let n = 0;
  for (const [value, count] of counts) if (keep(value)) n += count;
  return n;
}

function moments(counts: Counts, x: (value: number) => number): Moments {
  const m = { n: 0, sum: 0, sumSq: 0 };
  for (const [value, count] of counts) {
    const v = x(value);
    m.n += count;
    m.sum += count * v;
    m.sumSq += count * v * v;
  }
  return m;
}

function result(
  value: number | null,
  n: number,
  ci: [number, number] | null,
  minAnswers: number,
  extra?: Record<string, number | null>,
): IndexResult {
  return {
    value: n === 0 ? null : value,
    n,
    unit: 'answers',
    ci: n === 0 ? null : ci,
    enough: n > 0 && n >= minAnswers,
    ...(extra ? { extra } : {}),
  };
}

const scaled = (ci: [number, number] | null, k: number, lo = -Infinity, hi = Infinity): [number, number] | null =>
  ci ? [clamp(ci[0] * k, lo, hi), clamp(ci[1] * k, lo, hi)] : null;

/**
 * NPS on nps11 (0..10): 100·(P − D), with the adjusted Wald interval of METRICS.md:
 * n' = n + 3, p = (promoters + ¾)/n', d = (detractors + ¾)/n', 100·((p − d) ± 1.96·√((p + d − (p − d)²)/n')).
 */
export function nps(counts: Counts, minAnswers: number): IndexResult {
  const n = total(counts);
  const promoters = total(counts, (v) => v >= 9);
  const detractors = total(counts, (v) => v <= 6);
  const value = n === 0 ? null : (100 * (promoters - detractors)) / n;
  const n1 = n + 3;
  const p = (promoters + 0.75) / n1;
  const d = (detractors + 0.75) / n1;
  const half = Z95 * Math.sqrt((p + d - (p - d) ** 2) / n1);
  const ci: [number, number] = [clamp(100 * (p - d - half), -100, 100), clamp(100 * (p - d + half), -100, 100)];
  return result(value, n, ci, minAnswers, { promoters, detractors });
}

/** CSAT on csat5 (1..5): 100 · share of 4–5, Wilson interval; the mean alongside. */
export function csat(counts: Counts, minAnswers: number): IndexResult {
  const n = total(counts);
  const satisfied = total(counts, (v) => v >= 4);
  const m = moments(counts, (v) => v);
  return result((100 * satisfied) / n, n, scaled(wilson(satisfied, n), 100, 0, 100), minAnswers, { mean: n ? m.sum / n : null });
}

/** CES on ces7 (1..7, 7 = easiest): the mean with a t interval; the share of 5–7 alongside. */
export function ces(counts: Counts, minAnswers: number): IndexResult {
  const m = moments(counts, (v) => v);
  const easy = total(counts, (v) => v >= 5);
  const ci = tInterval(m);
  return result(m.sum / m.n, m.n, ci ? [clamp(ci[0], 1, 7), clamp(ci[1], 1, 7)] : null, minAnswers, {
    easyShare: m.n ? (100 * easy) / m.n : null,
  });
}

/**
 * Positive share on smiley scales (any K, mixed): 100 · share of presses in the upper half of their
 * scale (for odd K the middle button is in neither half), Wilson interval.
 */
export function positiveShare(counts: readonly SmileyCount[], minAnswers: number): IndexResult {
  let n = 0;
  let positive = 0;
  for (const c of counts) {
    n += c.n;
    if (polarity(smileyScale(c.buttons), c.value) === 'positive') positive += c.n;
  }
  return result((100 * positive) / n, n, scaled(wilson(positive, n), 100, 0, 100), minAnswers);
}

/** One CSI attribute: its ratings (1..m on its own scale of size m) and, optionally, ratings of its importance. */
export interface CsiAttribute {
  ratings: Counts;
  /** the size of this attribute's own rating scale (5 for csi5, 7 for csi7) */
  m: number;
  importance?: Counts;
}

/**
 * CSI = 100 · Σ wᵢ·(sᵢ − 1)/(mᵢ − 1), sᵢ the mean rating of attribute i on its own scale 1..mᵢ,
 * wᵢ = importanceᵢ / Σ importance (mean importance ratings; equal weights unless every rated attribute
 * has importance answers). No interval; n = all ratings.
 */
export function csi(attributes: CsiAttribute[], minAnswers: number): IndexResult {
  const rated = attributes.filter((a) => total(a.ratings) > 0);
  const n = rated.reduce((sum, a) => sum + total(a.ratings), 0);
  if (rated.length === 0) return result(null, 0, null, minAnswers);
  const means = rated.map((a) => {
    const mm = moments(a.ratings, (v) => v);
    return mm.sum / mm.n;
  });
  const importances = rated.map((a) => {
    if (!a.importance || total(a.importance) === 0) return undefined;
    const mm = moments(a.importance, (v) => v);
    return mm.sum / mm.n;
  });
  const weighted = importances.every((w) => w !== undefined);
  const weights = weighted ? (importances as number[]) : rated.map(() => 1);
  const sumW = weights.reduce((a, b) => a + b, 0);
  const value = 100 * means.reduce((acc, s, i) => acc + (weights[i]! / sumW) * ((s - 1) / (rated[i]!.m - 1)), 0);
  return result(value, n, null, minAnswers);
}
