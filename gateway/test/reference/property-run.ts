/**
 * The frame every property file shares: a fixed seed (FC_SEED overrides it; fast-check prints the seed
 * and the shrunk counterexample on failure), a scenario fed through the real ingest path, a few random
 * queries over it, and the differences of each comparison that no known gap covers.
 */
import fc from 'fast-check';
import { feedGateway, type FeedGateway } from './feed-gateway.ts';
import { queryArb, scenarioArb, type Query, type Scenario } from './world.ts';
import type { RawWorld, RefFilter } from './rows.ts';
import { knownGap, type Comparison } from './known-gaps.ts';

export const SEED = Number(process.env.FC_SEED ?? 20_261_205);

/** The zones of the sites a query covers. */
export function zonesOf(world: RawWorld, filter: Record<string, string>): string[] {
  const siteOfPoint = (p: string) => world.points.find((x) => x.id === p)?.siteId;
  const pointOfDevice = (d: string) => world.devices.find((x) => x.id === d)?.pointId;
  const site =
    filter.siteId ??
    (filter.pointId && siteOfPoint(filter.pointId)) ??
    (filter.deviceId && siteOfPoint(pointOfDevice(filter.deviceId) ?? ''));
  return [...new Set(world.sites.filter((s) => !site || s.id === site).map((s) => s.timeZone))];
}

export function refFilter(q: Query): RefFilter {
  return { ...q.filter, from: q.from, to: q.to };
}

/** A family's own arbitraries, where the shared ones do not generate what it needs. */
export interface Arbitraries {
  scenario?: fc.Arbitrary<Scenario>;
  query?: (s: Scenario) => fc.Arbitrary<Query>;
}

/** Runs `check` on random scenarios and queries; it returns the differences of comparisons not under a known gap. */
export async function assertAgrees(
  numRuns: number,
  check: (
    g: FeedGateway,
    world: RawWorld,
    q: Query,
    skip: (c: Omit<Comparison, 'zones' | 'filter' | 'world'>) => boolean,
  ) => Promise<string[]>,
  { scenario: scenarios = scenarioArb, query = queryArb }: Arbitraries = {},
): Promise<void> {
  const arb = scenarios.chain((s: Scenario) => fc.tuple(fc.constant(s), fc.array(query(s), { minLength: 1, maxLength: 3 })));
  await fc.assert(
    fc.asyncProperty(arb, async ([scenario, queries]) => {
      const g = await feedGateway(scenario.world, scenario.messages);
      try {
        const world = g.raw();
        for (const q of queries) {
          const zones = zonesOf(world, q.filter);
          const skip = (c: Omit<Comparison, 'zones' | 'filter' | 'world'>) =>
            knownGap({ ...c, zones, filter: q.filter, world }) !== undefined;
          const diffs = await check(g, world, q, skip);
          if (diffs.length > 0) throw new Error(`${JSON.stringify(q)}\n${diffs.slice(0, 8).join('\n')}`);
        }
      } finally {
        await g.close();
      }
    }),
    { numRuns, seed: SEED, interruptAfterTimeLimit: 50_000, markInterruptAsFailure: true },
  );
}
