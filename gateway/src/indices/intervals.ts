import tQuantile from '@stdlib/stats-base-dists-t-quantile';

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
