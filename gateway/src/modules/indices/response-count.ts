/** Responses as the API shows them: n counts people (METRICS.md "Responses"), and says so. */
export interface ResponseCount {
  n: number;
  unit: 'responses';
  negative: number;
  positive: number;
}

export function responseCountOf(c: { responses: number; negative: number; positive: number }): ResponseCount {
  return { n: c.responses, unit: 'responses', negative: c.negative, positive: c.positive };
}
