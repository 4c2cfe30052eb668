import { afterEach, describe, expect, it } from 'vitest';
import { storeFixture, type StoreFixture } from './helpers/store-fixture.ts';
import type { IndexQuery } from '../src/modules/indices/index-service.ts';

/**
 * Across sites in different zones a range means each site's own local days (METRICS.md, issue 23):
 * Shanghai (UTC+8), Los Angeles (UTC−8 in December) and Kolkata (UTC+5:30). Every answer below sits
 * just inside or just outside 1 December at its own site; the expected figures are counted by hand.
 */
const SITES = [
  { id: 'sha', name: 'Shanghai', timeZone: 'Asia/Shanghai' },
  { id: 'lax', name: 'Los Angeles', timeZone: 'America/Los_Angeles' },
  { id: 'ccu', name: 'Kolkata', timeZone: 'Asia/Kolkata' },
];
const POINTS = [
  { id: 'sha-desk', siteId: 'sha' },
  { id: 'lax-desk', siteId: 'lax' },
  { id: 'ccu-desk', siteId: 'ccu' },
];
const at = (iso: string) => Date.parse(iso);
/** inside: on 1 December local; outside: the local day before or after */
const ANSWERS = [
  { pointId: 'sha-desk', occurredAt: at('2026-12-01T00:30:00+08:00'), value: 3 }, // inside (UTC: 30 Nov)
  { pointId: 'sha-desk', occurredAt: at('2026-11-30T23:30:00+08:00'), value: 0 }, // outside
  { pointId: 'lax-desk', occurredAt: at('2026-12-01T23:30:00-08:00'), value: 0 }, // inside (UTC: 2 Dec)
  { pointId: 'lax-desk', occurredAt: at('2026-12-02T00:30:00-08:00'), value: 3 }, // outside
  { pointId: 'ccu-desk', occurredAt: at('2026-12-01T00:15:00+05:30'), value: 3 }, // inside (UTC: 30 Nov)
  { pointId: 'ccu-desk', occurredAt: at('2026-11-30T23:45:00+05:30'), value: 0 }, // outside
];

let f: StoreFixture | undefined;
afterEach(() => {
  f?.close();
  f = undefined;
});

async function fixture(): Promise<StoreFixture> {
  f = storeFixture({ sites: SITES, points: POINTS, minAnswers: 1 });
  await f.write(ANSWERS.map((a) => ({ ...a, receivedAt: a.occurredAt })));
  // 10 customers at Shanghai and 10 at Los Angeles, each 10:00–11:00 local on 1 December
  const served = f.db.prepare(
    "INSERT INTO customers_served (point_id, starts_at, ends_at, count, source, received_at) VALUES (?, ?, ?, 10, 'api', 0)",
  );
  served.run('sha-desk', at('2026-12-01T10:00:00+08:00'), at('2026-12-01T11:00:00+08:00'));
  served.run('lax-desk', at('2026-12-01T10:00:00-08:00'), at('2026-12-01T11:00:00-08:00'));
  return f;
}

const DEC_1 = { fromDate: '2026-12-01', toDate: '2026-12-01' };
const query = (index: IndexQuery['index'], days: IndexQuery['days']): IndexQuery => ({ index, from: 0, to: Date.UTC(2100, 0, 1), days });

describe('local days across time zones', () => {
  it('counts 1 December at each site from its own midnight to its own midnight', async () => {
    const fx = await fixture();
    const q = await fx.indices.narrowed(query('happy', DEC_1));
    // the earliest local start (Shanghai's midnight) to the latest local end (Los Angeles's)
    expect({ from: q.from, to: q.to }).toEqual({ from: at('2026-12-01T00:00:00+08:00'), to: at('2026-12-02T00:00:00-08:00') });
    expect(await fx.indices.compute(q)).toMatchObject({ n: 3 });
    // the same dates as one UTC day see none of them
    expect(await fx.indices.compute({ index: 'happy', from: at('2026-12-01T00:00:00Z'), to: at('2026-12-02T00:00:00Z') })).toMatchObject({
      n: 0,
    });
  });

  it("breaks down by point and by local hour within each site's own day", async () => {
    const fx = await fixture();
    const byPoint = await fx.indices.breakdown(query('happy', DEC_1), 'point');
    expect(byPoint.map((g) => [g.group, g.result.n])).toEqual([
      ['ccu-desk', 1],
      ['lax-desk', 1],
      ['sha-desk', 1],
    ]);
    const byHour = await fx.indices.breakdown(query('happy', DEC_1), 'hourOfDay');
    expect(byHour.map((g) => [g.group, g.result.n])).toEqual([
      ['0', 2],
      ['23', 1],
    ]);
  });

  it("draws one day bucket for 1 December holding every site's own day", async () => {
    const fx = await fixture();
    const days = await fx.indices.trend(query('happy', DEC_1), 'day');
    expect(days.map((p) => [p.date, p.result.n])).toEqual([['2026-12-01', 3]]);
  });

  it("takes each site's last days up to its own today, and the period before", async () => {
    const fx = await fixture();
    // 20:00 UTC on 1 December: Shanghai and Kolkata are already on 2 December, Los Angeles still on the 1st
    const now = at('2026-12-01T20:00:00Z');
    expect(await fx.indices.compute(query('happy', { lastDays: 1, skipDays: 0, now }))).toMatchObject({ n: 1 });
    // the day before at each site: Shanghai's and Kolkata's 1 December, Los Angeles's 30 November
    expect(await fx.indices.compute(query('happy', { lastDays: 1, skipDays: 1, now }))).toMatchObject({ n: 2 });
  });

  it("divides the responses by the customers of each site's own day", async () => {
    const fx = await fixture();
    // 3 responses over 20 customers (Kolkata served none): 15 per 100
    expect(await fx.indices.compute(query('responseRate', DEC_1))).toMatchObject({ value: 15, n: 20, unit: 'customers' });
  });
});
