/**
 * The traffic family's arbitraries on top of world.ts: a scenario whose customers-served periods are
 * stored as fed (a period reported twice by one source replaces its count, so only the last of a
 * repeated period is fed), sometimes with a shift change in the middle of a kiosk run (a run's answers
 * then belong to different people); and queries that may add the channel filter and a staff filter
 * to world.ts's single filter.
 */
import fc from 'fast-check';
import { queryArb, scenarioArb, type Query, type Scenario } from './world.ts';
import { CHANNELS } from './traffic-reference.ts';

const HOUR = 3_600_000;

function lastOfEachPeriod(customers: Scenario['world']['customers']): Scenario['world']['customers'] {
  const byPeriod = new Map(customers.map((c) => [`${c.pointId}/${c.from}/${c.to}`, c]));
  return [...byPeriod.values()];
}

export const trafficScenarioArb: fc.Arbitrary<Scenario> = fc
  .tuple(scenarioArb, fc.option(fc.nat(), { freq: 2 }), fc.constantFrom('anna', 'boris'))
  .map(([s, handover, staffId]) => {
    const world = { ...s.world, customers: lastOfEachPeriod(s.world.customers), shifts: [...s.world.shifts] };
    const runStarts = s.messages.filter((m) => m.kind === 'answer' && m.question === 1 && m.resentAfterMs === undefined);
    if (handover !== null && runStarts.length > 0) {
      // a shift that begins between a run's first and second answer (answers are 7 s apart)
      const m = runStarts[handover % runStarts.length]!;
      const pointId = world.devices.find((d) => d.id === m.deviceId)!.pointId;
      world.shifts.push({ staffId, pointId, from: m.at + 3500, to: m.at + 3500 + 2 * HOUR });
    }
    return { ...s, world };
  });

export const trafficQueryArb = (s: Scenario): fc.Arbitrary<Query> =>
  fc
    .tuple(
      queryArb(s),
      fc.constantFrom('none', 'none', 'channel', 'staff', 'both'),
      fc.constantFrom(...CHANNELS),
      fc.constantFrom(...s.world.staff),
    )
    .map(([q, extra, channel, staffId]) => {
      const filter = { ...q.filter };
      if (extra === 'channel' || extra === 'both') filter.channel = channel;
      if (extra === 'staff' || extra === 'both') filter.staffId ??= staffId;
      return { ...q, filter };
    });
