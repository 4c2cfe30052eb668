/** An index value with its count and 95% interval; `value` is null when there are no answers. */
export interface IndexResult {
  value: number | null;
  n: number;
  /** 95% confidence interval, null where undefined (n < 2, or not defined for the index) */
  ci: [number, number] | null;
  /** false when n is below the configured minimum: screens show "not enough answers" */
  enough: boolean;
  /** companion figures (CSAT mean, CES share of 5–7, NPS promoters and detractors, …) */
  extra?: Record<string, number | null>;
}

export function emptyIndex(): IndexResult {
  return { value: null, n: 0, ci: null, enough: false };
}
