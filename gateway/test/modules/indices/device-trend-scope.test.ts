import { afterEach, describe, expect, it } from 'vitest';
import { storeFixture, type StoreFixture } from '../../helpers/store-fixture.ts';

/**
 * A device filter covers only its point's site (METRICS.md "Trend buckets": minute and hour buckets are
 * local when the query covers one time zone; day buckets are each covered site's local days). Found by
 * the traffic property test (test/reference/traffic.property.test.ts): a device in a UTC+5:30 site got
 * whole UTC hours, and its day buckets stretched to another site's midnight. Expected values by hand.
 */
const PUNE = { id: 'pune', name: 'Pune', timeZone: 'Asia/Kolkata' }; // UTC+5:30
const NEW_YORK = { id: 'nyc', name: 'New York', timeZone: 'America/New_York' }; // UTC−4 in June
const iso = (s: string) => Date.parse(s);

let f: StoreFixture | undefined;
afterEach(() => {
  f?.close();
  f = undefined;
});

function fixture(): StoreFixture {
  f = storeFixture({
    sites: [PUNE, NEW_YORK],
    points: [
      { id: 'pune-desk', siteId: 'pune' },
      { id: 'nyc-desk', siteId: 'nyc' },
    ],
  });
  // 120 customers 09:30–11:30 Pune time (04:00–06:00 UTC)
  f.db
    .prepare("INSERT INTO customers_served (point_id, starts_at, ends_at, count, source, received_at) VALUES (?, ?, ?, ?, 'api', 0)")
    .run('pune-desk', iso('2026-06-03T09:30:00+05:30'), iso('2026-06-03T11:30:00+05:30'), 120);
  return f;
}

describe("a device filter's trend buckets are its own site's", () => {
  it("hour: a Pune device's hours begin at :30 UTC although New York is configured too", async () => {
    const fx = fixture();
    await fx.write([{ pointId: 'pune-desk', value: 3, occurredAt: iso('2026-06-03T10:10:00+05:30') }]);
    const range = { deviceId: 'dev-pune-desk', from: iso('2026-06-03T09:00:00+05:30'), to: iso('2026-06-03T12:00:00+05:30') };
    const trend = await fx.indices.trendOf({ index: 'responseRate', ...range }, 'hour');
    expect(trend.buckets).toBe('local');
    // customers: 09–10 local holds 30 min of the 2-hour period (30), 10–11 all of an hour (60), 11–12 30 min (30);
    // the one response at 10:10 → 1/60 · 100 in the middle hour
    expect(trend.points.map((p) => [new Date(p.start).toISOString(), p.result.n, p.result.value])).toEqual([
      ['2026-06-03T03:30:00.000Z', 30, 0],
      ['2026-06-03T04:30:00.000Z', 60, 100 / 60],
      ['2026-06-03T05:30:00.000Z', 30, 0],
    ]);
  });

  it("day: a Pune device's days run from Pune's midnight to Pune's midnight", async () => {
    const fx = fixture();
    await fx.write([{ pointId: 'pune-desk', value: 3, occurredAt: iso('2026-06-03T10:10:00+05:30') }]);
    const range = { deviceId: 'dev-pune-desk', from: iso('2026-06-02T00:00:00+05:30'), to: iso('2026-06-04T00:00:00+05:30') };
    const trend = await fx.indices.trendOf({ index: 'responseRate', ...range }, 'day');
    // Pune's whole days 2 and 3 June; New York's 2 June (04:00 UTC to 3 June 04:00 UTC) is not the device's
    expect(trend.points.map((p) => [p.date, new Date(p.start).toISOString(), new Date(p.end).toISOString(), p.result.n])).toEqual([
      ['2026-06-02', '2026-06-01T18:30:00.000Z', '2026-06-02T18:30:00.000Z', 0],
      ['2026-06-03', '2026-06-02T18:30:00.000Z', '2026-06-03T18:30:00.000Z', 120],
    ]);
    expect(trend.points[1]!.result.value).toBeCloseTo(100 / 120, 12);
  });
});
