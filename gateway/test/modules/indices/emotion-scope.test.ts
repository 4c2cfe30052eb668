import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moduleApp, type ModuleApp } from '../../helpers/module-app.ts';
import { indexRoutes } from '../../../src/modules/indices/index-routes.ts';
import { DeviceRegistry } from '../../../src/modules/devices/device-registry.ts';
import { DeviceRepo } from '../../../src/modules/devices/device-repo.ts';
import { EmotionWindowRepo } from '../../../src/modules/emotion/emotion-window-repo.ts';
import { emptyEmotionCounts } from '../../../src/core/emotion-counts.ts';

// Issue 23: cameras belong to a point and so to a site; the reader's sites and the site and point filters
// apply to emotional indices, answer-only filters do not (and the answer says so).
const SITES = [
  { id: 'a', name: 'A', timeZone: 'Europe/Berlin' },
  { id: 'b', name: 'B', timeZone: 'Europe/Berlin' },
];
const POINTS = [
  { id: 'a-door', siteId: 'a' },
  { id: 'a-desk', siteId: 'a' },
  { id: 'b-door', siteId: 'b' },
];
const START = Date.UTC(2026, 5, 1, 10);
const range = `from=${START - 3_600_000}&to=${START + 3_600_000}`;

let m: ModuleApp;
beforeEach(async () => {
  m = await moduleApp({
    sites: SITES,
    points: POINTS,
    services: (store) => ({
      indices: store.indices,
      topology: store.topology,
      devices: new DeviceRegistry(new DeviceRepo(store.db), 60_000),
    }),
    routes: [indexRoutes],
  });
  const windows = new EmotionWindowRepo(m.store.db);
  const save = (cameraId: string, siteId: string, pointId: string, counts: { happy?: number; sad?: number; neutral?: number }) => {
    const c = { ...emptyEmotionCounts(), ...counts };
    windows.save({
      cameraId,
      siteId,
      pointId,
      tag: 'desk',
      windowStart: START,
      windowMs: 60_000,
      ...c,
      faces: c.happy + c.sad + c.neutral,
    });
  };
  save('cam-a1', 'a', 'a-door', { happy: 6, sad: 2 }); // A, door: 8 faces, +6 −2
  save('cam-a2', 'a', 'a-desk', { happy: 1, neutral: 4 }); // A, desk: 5 faces, +1
  save('cam-b', 'b', 'b-door', { sad: 10 }); // B: 10 faces, −10
});
afterEach(async () => m.close());

const nps = async (headers: Record<string, string>, query = '') => {
  const res = await m.call('GET', `/api/indices/emotionalNps?${range}${query}`, headers);
  expect(res.statusCode).toBe(200);
  return res.json<{ result: { value: number; n: number }; ignoredFilters: string[] }>();
};

describe("emotional indices and the reader's sites", () => {
  it("a user restricted to site A does not see site B's faces", async () => {
    // A alone: 13 faces, 7 positive, 2 negative → 100·(7 − 2)/13
    const a = await nps(m.bearer(['indices:read'], ['a']));
    expect(a.result.n).toBe(13);
    expect(a.result.value).toBeCloseTo((100 * 5) / 13, 10);
    // every site: 23 faces, 7 positive, 12 negative → 100·(7 − 12)/23
    const all = await nps(m.bearer(['indices:read']));
    expect(all.result.n).toBe(23);
    expect(all.result.value).toBeCloseTo((100 * -5) / 23, 10);
    expect((await m.call('GET', `/api/indices/emotionalNps?${range}&siteId=b`, m.bearer(['indices:read'], ['a']))).statusCode).toBe(403);
  });

  it('applies the point filter, ignores answer-only filters and lists them', async () => {
    const door = await nps(m.bearer(['indices:read']), '&pointId=a-door&surveyId=exit&deviceId=dev-a-door');
    // A's door: 8 faces, 100·(6 − 2)/8 = 50
    expect(door.result).toMatchObject({ n: 8, value: 50 });
    expect(door.ignoredFilters).toEqual(['deviceId', 'surveyId']);
    expect((await nps(m.bearer(['indices:read']))).ignoredFilters).toEqual([]);
    const trend = await m.call(
      'GET',
      `/api/indices/emotionalNps/trend?interval=hour&${range}&siteId=a&staffId=nobody`,
      m.bearer(['indices:read']),
    );
    expect(trend.statusCode).toBe(200);
    const body = trend.json<{ buckets: string; points: { start: number; result: { n: number } }[]; ignoredFilters: string[] }>();
    expect(body.ignoredFilters).toEqual(['staffId']);
    expect(body.points.map((p) => [p.start, p.result.n])).toEqual([
      [START - 3_600_000, 0],
      [START, 13],
    ]);
  });
});
