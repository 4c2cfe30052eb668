/**
 * Brute-force reference of METRICS.md "Trend buckets" for the traffic indices: every whole bucket
 * inside the range, each counted as its own range by traffic-reference.ts (responses by their time,
 * customers pro-rated to the bucket).
 *
 *   hour  the local hours of the one zone the query covers (a UTC+5:30 site's hours begin at :30 UTC,
 *         a DST day has 23 or 25 of them), or whole UTC hours when it covers sites in different zones
 *   day   each covered site's own whole local days; the sites' days of one local date form one point,
 *         from the earliest start to the latest end
 */
import { localParts, wholeBuckets } from './local-time.ts';
import type { RawWorld, RefResult } from './rows.ts';
import {
  coveredSites,
  responses,
  sum,
  trafficCounts,
  trafficResult,
  type TrafficCounts,
  type TrafficFilter,
  type TrafficIndex,
} from './traffic-reference.ts';

export interface RefTrendBucket {
  start: number;
  end: number;
  counts: TrafficCounts;
}

export interface RefTrend {
  /** 'local' when the query covers at most one zone */
  buckets: 'local' | 'utc';
  /** by key: an hour's start as ISO text, a day's local date */
  points: Map<string, RefTrendBucket>;
}

const dateOf = (ms: number, zone: string) => {
  const p = localParts(ms, zone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
};

/** The buckets of a traffic trend with their counts (the index is chosen later: trendResult). */
export function trafficTrend(world: RawWorld, f: TrafficFilter, interval: 'hour' | 'day', all = responses(world)): RefTrend {
  const sites = coveredSites(world, f);
  const zones = [...new Set(sites.map((s) => s.timeZone))];
  const points = new Map<string, RefTrendBucket>();
  if (interval === 'hour') {
    for (const b of wholeBuckets(f.from, f.to, 'hour', zones.length === 1 ? zones[0]! : 'UTC'))
      points.set(new Date(b.start).toISOString(), { ...b, counts: trafficCounts(world, { ...f, from: b.start, to: b.end }, all) });
    return { buckets: zones.length <= 1 ? 'local' : 'utc', points };
  }
  for (const site of sites)
    for (const b of wholeBuckets(f.from, f.to, 'day', site.timeZone)) {
      const key = dateOf(b.start, site.timeZone);
      const counts = trafficCounts(world, { ...f, siteId: site.id, from: b.start, to: b.end }, all);
      const seen = points.get(key);
      points.set(
        key,
        seen
          ? { start: Math.min(seen.start, b.start), end: Math.max(seen.end, b.end), counts: sum(seen.counts, counts) }
          : { ...b, counts },
      );
    }
  return { buckets: 'local', points };
}

/** One index's results of a trend, by the trend's keys. */
export function trendResults(world: RawWorld, index: TrafficIndex, trend: RefTrend): Map<string, RefResult> {
  return new Map([...trend.points].map(([k, b]) => [k, trafficResult(world, index, b.counts)]));
}
