/** Shapes of the gateway API this app reads (see /docs on the gateway). */
export interface IndexResult {
  value: number | null;
  n: number;
  ci: [number, number] | null;
  enough: boolean;
}

export interface PointSummary {
  pointId: string;
  siteId: string;
  name: string;
  from: number;
  to: number;
  happyIndex: IndexResult;
}

export interface PointsResponse {
  minAnswers: number;
  points: PointSummary[];
}
