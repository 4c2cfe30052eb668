import type { Point, TopologyRepo } from '../../platform/settings/topology-repo.ts';
import type { IndexService } from './index-service.ts';
import type { IndexResult } from './math/index-result.ts';
import { responseCountOf, type ResponseCount } from './response-count.ts';
import { todayRange } from './time-range.ts';

export interface PointSummary {
  pointId: string;
  siteId: string;
  /** the site's name, for people to read */
  siteName: string;
  name: string;
  /** the site's IANA time zone */
  timeZone: string;
  /** the range the index covers: the site's local day so far */
  from: number;
  to: number;
  happyIndex: IndexResult;
  /** the responses (people, not answers) of the same range */
  responses: ResponseCount;
}

/** The live numbers for each point, as the dashboard shows them. */
export class PointSummaries {
  constructor(
    private readonly topology: TopologyRepo,
    private readonly indices: IndexService,
    private readonly clock: () => number = Date.now,
  ) {}

  all(): Promise<PointSummary[]> {
    return this.summarise(this.topology.points());
  }

  /** Only the given points: realtime recomputes the points that just got answers, not every point. */
  forPoints(pointIds: Set<string>): Promise<PointSummary[]> {
    return this.summarise(this.topology.points().filter((p) => pointIds.has(p.id)));
  }

  private summarise(points: Point[]): Promise<PointSummary[]> {
    const zones = new Map(this.topology.sites().map((s) => [s.id, s.timeZone]));
    const names = new Map(this.topology.sites().map((s) => [s.id, s.name]));
    return Promise.all(
      points.map(async (p) => {
        const timeZone = zones.get(p.siteId) ?? 'UTC';
        const { from, to } = todayRange(timeZone, this.clock());
        const range = { pointId: p.id, from, to: to + 1 };
        const [happyIndex, counts] = await Promise.all([
          this.indices.compute({ index: 'happy', ...range }),
          this.indices.responseCounts(range),
        ]);
        return {
          pointId: p.id,
          siteId: p.siteId,
          siteName: names.get(p.siteId) ?? p.siteId,
          name: p.name,
          timeZone,
          from,
          to,
          happyIndex,
          responses: responseCountOf(counts),
        };
      }),
    );
  }
}
