import type { IndexResult } from './index-result.ts';

/** Responses (people, not answers) against customers served (METRICS.md "Against traffic"): n is the number of customers. */
export interface TrafficInput {
  responses: number;
  positive: number;
  negative: number;
  customers: number;
}

function ratio(k: number, customers: number, minCustomers: number): IndexResult {
  // Pro-rated periods make customers fractional (METRICS.md); an index must never fail on what is stored: no finite count, no value.
  if (!Number.isFinite(customers) || customers < 0) return { value: null, n: 0, unit: 'customers', ci: null, enough: false };
  return {
    value: customers > 0 ? (100 * k) / customers : null,
    n: customers,
    unit: 'customers',
    ci: null,
    enough: customers > 0 && customers >= minCustomers,
  };
}

/** Response rate = responses / customers served · 100. */
export const responseRate = (t: TrafficInput, min: number) => ratio(t.responses, t.customers, min);
/** Criticality index = negative responses / customers served · 100. */
export const criticality = (t: TrafficInput, min: number) => ratio(t.negative, t.customers, min);
/** Support index = positive responses / customers served · 100. */
export const support = (t: TrafficInput, min: number) => ratio(t.positive, t.customers, min);
