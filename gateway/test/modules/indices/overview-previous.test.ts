import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moduleApp, type ModuleApp } from '../../helpers/module-app.ts';
import { overviewRoutes } from '../../../src/modules/indices/overview-routes.ts';
import { DeviceRegistry } from '../../../src/modules/devices/device-registry.ts';
import { DeviceRepo } from '../../../src/modules/devices/device-repo.ts';

// METRICS.md: the previous period has the same length and ends where the range starts; on a DST day
// (Berlin, Sunday 29 March 2026, 23 hours) it is not the previous local day.
const iso = (s: string) => Date.parse(s);
let m: ModuleApp;
beforeEach(async () => {
  m = await moduleApp({
    sites: [{ id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' }],
    points: [{ id: 'desk', siteId: 'berlin' }],
    services: (store) => ({
      indices: store.indices,
      topology: store.topology,
      devices: new DeviceRegistry(new DeviceRepo(store.db), 60_000),
    }),
    routes: [overviewRoutes],
  });
});
afterEach(async () => m.close());

describe("the overview's previous period", () => {
  it('on a 23-hour DST day is the 23 hours before it, not the previous local day', async () => {
    await m.store.write([
      { value: 0, occurredAt: iso('2026-03-28T00:30:00+01:00') }, // Saturday 00:30: in the local day before, not in the 23 hours before
      { value: 3, occurredAt: iso('2026-03-28T01:30:00+01:00') }, // inside the 23 hours before
      { value: 3, occurredAt: iso('2026-03-29T12:00:00+02:00') }, // the day itself
    ]);
    const from = iso('2026-03-29T00:00:00+01:00');
    const to = iso('2026-03-30T00:00:00+02:00');
    const res = await m.call('GET', `/api/overview?siteId=berlin&from=${from}&to=${to}&deviceId=dev-desk`, m.bearer(['indices:read']));
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      previous: { from: number; to: number };
      indices: { index: string; result: { n: number }; previous: { n: number; value: number }; ignoredFilters?: string[] }[];
    }>();
    expect(body.previous).toEqual({ from: iso('2026-03-28T01:00:00+01:00'), to: from });
    const happy = body.indices.find((i) => i.index === 'happy')!;
    expect(happy.result.n).toBe(1);
    expect(happy.previous).toMatchObject({ n: 1, value: 100 });
    expect(happy.ignoredFilters).toBeUndefined();
    expect(body.indices.find((i) => i.index === 'emotionalNps')!.ignoredFilters).toEqual(['deviceId']);
  });
});
