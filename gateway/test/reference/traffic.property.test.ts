/**
 * Property: the traffic indices (response rate, criticality, support) that the API serves over random
 * data fed through the real ingest path, in random zones (half- and quarter-hour offsets, DST days) and
 * ranges, with random site, point, device, channel and staff filters, equal the brute-force reference
 * of METRICS.md over the raw rows (traffic-reference.ts): the index over the range, and its hour and
 * day trends bucket by bucket (traffic-trend-reference.ts). 50 runs (about 10–15 s on two cores);
 * FC_RUNS asks for more, FC_SEED for another seed.
 */
import { describe, it } from 'vitest';
import { assertAgrees, refFilter } from './property-run.ts';
import { TRAFFIC_INDICES, responses, trafficIndex, type TrafficFilter } from './traffic-reference.ts';
import { trafficTrend, trendResults, type RefTrend } from './traffic-trend-reference.ts';
import { differences, groupDifferences, type ApiResult } from './compare.ts';
import { queryString } from './world.ts';
import { trafficQueryArb, trafficScenarioArb } from './traffic-world.ts';

interface ApiTrend {
  buckets: 'local' | 'utc';
  points: { start: number; end: number; date?: string; result: ApiResult }[];
}

const keyOf = (interval: 'hour' | 'day', p: ApiTrend['points'][number]) =>
  interval === 'day' ? (p.date ?? '(no date)') : new Date(p.start).toISOString();

/** The API's trend by the reference's keys, and the differences in what the buckets are. */
function trendDifferences(label: string, api: ApiTrend, ref: RefTrend, interval: 'hour' | 'day'): string[] {
  const out: string[] = [];
  if (api.buckets !== ref.buckets) out.push(`${label} buckets: api ${api.buckets} vs reference ${ref.buckets}`);
  for (const p of api.points) {
    const key = keyOf(interval, p);
    const r = ref.points.get(key);
    if (r && (r.start !== p.start || r.end !== p.end))
      out.push(`${label}[${key}] span: api ${p.start}..${p.end} vs reference ${r.start}..${r.end}`);
  }
  return out;
}

describe('traffic indices equal the reference computed from METRICS.md', () => {
  it('over random responses, customers, shifts, zones, filters and ranges: the index and its hour and day trends', async () => {
    await assertAgrees(
      Number(process.env.FC_RUNS ?? 50),
      async (g, world, q, skip) => {
        const out: string[] = [];
        const all = responses(world);
        const f = refFilter(q) as TrafficFilter;
        for (const index of TRAFFIC_INDICES) {
          if (skip({ family: 'traffic', index, view: 'index' })) continue;
          const { status, body } = await g.get<{ result: ApiResult }>(`/api/indices/${index}?${queryString(q)}`);
          if (status !== 200) out.push(`${index}: status ${status} ${JSON.stringify(body)}`);
          else out.push(...differences(index, body.result, trafficIndex(world, index, f, all)));
        }
        for (const interval of ['hour', 'day'] as const) {
          const ref = trafficTrend(world, f, interval, all);
          for (const index of TRAFFIC_INDICES) {
            if (skip({ family: 'traffic', index, view: `trend:${interval}` })) continue;
            const label = `${index} trend:${interval}`;
            const { status, body } = await g.get<ApiTrend>(`/api/indices/${index}/trend?${queryString(q, { interval })}`);
            if (status !== 200) {
              out.push(`${label}: status ${status} ${JSON.stringify(body)}`);
              continue;
            }
            const api = new Map(body.points.map((p) => [keyOf(interval, p), p.result]));
            out.push(...trendDifferences(label, body, ref, interval));
            out.push(...groupDifferences(label, api, trendResults(world, index, ref)));
          }
        }
        return out;
      },
      { scenario: trafficScenarioArb, query: trafficQueryArb },
    );
  }, 120_000);
});
