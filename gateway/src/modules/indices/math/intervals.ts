import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** The 97.5% normal quantile as METRICS.md states it (z = 1.959964), so every interval agrees with a computation from the text. */
export const Z95 = 1.959964;

/** Sufficient statistics of a sample: count, sum and sum of squares. */
export interface Moments {
  n: number;
  sum: number;
  sumSq: number;
}

/** 95% Student t interval of the mean; null below two observations. */
export function tInterval({ n, sum, sumSq }: Moments): [number, number] | null {
  if (n < 2) return null;
  const mean = sum / n;
  const variance = Math.max(0, (sumSq - n * mean * mean) / (n - 1));
  const half = tQuantile(0.975, n - 1) * Math.sqrt(variance / n);
  return [mean - half, mean + half];
}

/** 95% Wilson score interval of a proportion k/n; null without observations. */
export function wilson(k: number, n: number): [number, number] | null {
  if (n === 0) return null;
  const p = k / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
