import { tInterval, type Moments } from './intervals.ts';
import type { IndexResult } from './index-result.ts';

/** Presses of one button of a K-button smiley scale. */
export interface SmileyCount {
  /** K, the number of buttons on the scale */
  buttons: number;
  /** button index, 0 = worst .. K-1 = best */
  value: number;
  n: number;
}

/**
 * Happy Index = 100 · mean(i / (K − 1)) over all presses, with a t interval of the mean
 * (METRICS.md). Scales with different K mix on the common 0..100 footing.
 */
export function happyIndex(counts: readonly SmileyCount[], minAnswers: number): IndexResult {
  const m: Moments = { n: 0, sum: 0, sumSq: 0 };
  for (const { buttons, value, n } of counts) {
    if (buttons < 2 || n <= 0) continue;
    const x = (100 * value) / (buttons - 1);
    m.n += n;
    m.sum += n * x;
    m.sumSq += n * x * x;
  }
  if (m.n === 0) return { value: null, n: 0, unit: 'answers', ci: null, enough: false };
  const ci = tInterval(m);
  return {
    value: m.sum / m.n,
    n: m.n,
    unit: 'answers',
    ci: ci ? [Math.max(0, ci[0]), Math.min(100, ci[1])] : null,
    enough: m.n >= minAnswers,
  };
}
