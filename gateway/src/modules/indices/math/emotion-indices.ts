import { valenceOf, EMOTIONS } from '@feedback/models';
import { clamp, wilson, Z95 } from './intervals.ts';
import type { IndexResult } from './index-result.ts';
import type { EmotionCounts } from '../../../core/emotion-counts.ts';

export type { EmotionCounts };

function valenceTotals(c: EmotionCounts): { positive: number; negative: number } {
  let positive = 0;
  let negative = 0;
  for (const e of EMOTIONS) {
    if (valenceOf(e) === 'positive') positive += c[e];
    if (valenceOf(e) === 'negative') negative += c[e];
  }
  return { positive, negative };
}

/** Emotional NPS = 100 · (positive − negative) / faces, with a multinomial normal interval. */
export function emotionalNps(c: EmotionCounts, minFaces: number): IndexResult {
  const n = c.faces;
  if (n === 0) return { value: null, n: 0, unit: 'faces', ci: null, enough: false };
  const { positive, negative } = valenceTotals(c);
  const p = positive / n;
  const d = negative / n;
  const half = Z95 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n);
  return {
    value: 100 * (p - d),
    n,
    unit: 'faces',
    ci: [clamp(100 * (p - d - half), -100, 100), clamp(100 * (p - d + half), -100, 100)],
    enough: n >= minFaces,
  };
}

/** Emotional engagement = 100 · share of faces whose expression is not neutral, Wilson interval. */
export function emotionalEngagement(c: EmotionCounts, minFaces: number): IndexResult {
  const n = c.faces;
  const engaged = n - c.neutral;
  const ci = wilson(engaged, n);
  return {
    value: n ? (100 * engaged) / n : null,
    n,
    unit: 'faces',
    ci: ci ? [100 * ci[0], 100 * ci[1]] : null,
    enough: n > 0 && n >= minFaces,
  };
}

/** Entry/exit shift: emotional NPS at exit cameras minus at entry cameras over the same window. */
export function entryExitShift(entry: EmotionCounts, exit: EmotionCounts, minFaces: number): IndexResult {
  const a = emotionalNps(entry, minFaces);
  const b = emotionalNps(exit, minFaces);
  const n = Math.min(a.n, b.n);
  if (a.value === null || b.value === null) return { value: null, n, unit: 'faces', ci: null, enough: false };
  const ci: [number, number] | null =
    a.ci && b.ci
      ? [
          b.value - a.value - Math.hypot((a.ci[1] - a.ci[0]) / 2, (b.ci[1] - b.ci[0]) / 2),
          b.value - a.value + Math.hypot((a.ci[1] - a.ci[0]) / 2, (b.ci[1] - b.ci[0]) / 2),
        ]
      : null;
  return { value: b.value - a.value, n, unit: 'faces', ci, enough: a.enough && b.enough };
}
