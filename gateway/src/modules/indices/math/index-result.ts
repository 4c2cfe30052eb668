/** What an index's n counts (METRICS.md): rated answers, responses (people), customers served, or faces observed. */
export type CountUnit = 'answers' | 'responses' | 'customers' | 'faces';

/** An index value with its count and 95% interval; `value` is null when there are no answers. */
export interface IndexResult {
  value: number | null;
  /** how many `unit`s the figure is computed over (customers can be fractional: pro-rated periods) */
  n: number;
  unit: CountUnit;
  /** 95% confidence interval, null where undefined (n < 2, or not defined for the index) */
  ci: [number, number] | null;
  /** false when n is below the configured minimum: screens show "not enough answers" */
  enough: boolean;
  /** companion figures (CSAT mean, CES share of 5–7, NPS promoters and detractors, …) */
  extra?: Record<string, number | null>;
}

export function emptyIndex(unit: CountUnit): IndexResult {
  return { value: null, n: 0, unit, ci: null, enough: false };
}
