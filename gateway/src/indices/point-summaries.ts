import type { TopologyRepo } from '../store/topology-repo.ts';
import type { RollupQueries } from '../store/rollup-queries.ts';
import { happyIndex } from './happy-index.ts';
import type { IndexResult } from './index-result.ts';
import { todayRange } from './time-range.ts';

export interface PointSummary {
  pointId: string;
  siteId: string;
  name: string;
  /** the range the index covers: the site's local day so far */
  from: number;
  to: number;
  happyIndex: IndexResult;
}

/** The live numbers for each point, as the dashboard shows them. */
export class PointSummaries {
  constructor(
    private readonly topology: TopologyRepo,
    private readonly rollups: RollupQueries,
    private readonly minAnswers: number,
    private readonly clock: () => number = Date.now,
  ) {}

  all(): PointSummary[] {
    const zones = new Map(this.topology.sites().map((s) => [s.id, s.timeZone]));
    return this.topology.points().map((p) => this.build(p.id, p.siteId, p.name, zones.get(p.siteId) ?? 'UTC'));
  }

  forPoints(pointIds: Set<string>): PointSummary[] {
    return this.all().filter((s) => pointIds.has(s.pointId));
  }

  private build(pointId: string, siteId: string, name: string, timeZone: string): PointSummary {
    const { from, to } = todayRange(timeZone, this.clock());
    const counts = this.rollups.smileyCounts(pointId, from, to);
    return { pointId, siteId, name, from, to, happyIndex: happyIndex(counts, this.minAnswers) };
  }
}
