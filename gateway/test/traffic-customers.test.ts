import { afterEach, describe, expect, it } from 'vitest';
import { storeFixture, type StoreFixture } from './helpers/store-fixture.ts';
import { ShiftRepo } from '../src/modules/staff/shift-repo.ts';

/**
 * Customers served, the denominator of the traffic indices (METRICS.md "Against traffic" and
 * "Precise readings"). Every expected figure is worked out by hand in the comments: one press is one
 * response, so the numerator is the same whether answers or responses are counted.
 */
const BERLIN = { id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' };
const NEW_YORK = { id: 'nyc', name: 'New York', timeZone: 'America/New_York' };
/** An instant on 1 June 2026, UTC (Berlin is UTC+2 that day). */
const at = (hhmm: string) => Date.parse(`2026-06-01T${hhmm}:00Z`);

let f: StoreFixture | undefined;
afterEach(() => {
  f?.close();
  f = undefined;
});

function fixture(): StoreFixture {
  f = storeFixture({
    sites: [BERLIN, NEW_YORK],
    points: [
      { id: 'desk', siteId: 'berlin' },
      { id: 'bar', siteId: 'berlin' },
      { id: 'door', siteId: 'berlin' },
      { id: 'ny', siteId: 'nyc' },
    ],
  });
  return f;
}

function served(fx: StoreFixture, pointId: string, from: number, to: number, count: number): void {
  fx.db
    .prepare("INSERT INTO customers_served (point_id, starts_at, ends_at, count, source, received_at) VALUES (?, ?, ?, ?, 'api', 0)")
    .run(pointId, from, to, count);
}

/** One press each (smiley4: 0 is negative, 3 positive). */
const press = (pointId: string, occurredAt: number, value: number, staffId: string | null = null) => ({
  pointId,
  occurredAt,
  value,
  staffId,
});

describe('a customers-served period the range cuts counts by its overlap', () => {
  it('compute: 120 customers over 10:00–12:00, range 11:00–13:00 → 60 customers', async () => {
    const fx = fixture();
    served(fx, 'desk', at('10:00'), at('12:00'), 120);
    await fx.write([press('desk', at('11:30'), 3), press('desk', at('11:40'), 3), press('desk', at('11:50'), 0)]);
    const range = { pointId: 'desk', from: at('11:00'), to: at('13:00') };
    // 120 × 60 min / 120 min = 60 customers; 3 responses → 5%, 1 negative → 1.67%, 2 positive → 3.33%
    expect(await fx.indices.compute({ index: 'responseRate', ...range })).toMatchObject({ value: 5, n: 60, unit: 'customers' });
    expect((await fx.indices.compute({ index: 'criticality', ...range })).value).toBeCloseTo(100 / 60, 10);
    expect((await fx.indices.compute({ index: 'support', ...range })).value).toBeCloseTo(200 / 60, 10);
  });

  it('n becomes fractional: 100 customers over 10:00–13:00, range 11:00–12:00 → 33.3', async () => {
    const fx = fixture();
    served(fx, 'desk', at('10:00'), at('13:00'), 100);
    await fx.write([press('desk', at('11:30'), 3)]);
    const r = await fx.indices.compute({ index: 'responseRate', pointId: 'desk', from: at('11:00'), to: at('12:00') });
    expect(r.n).toBeCloseTo(100 / 3, 10);
    expect(r.value).toBeCloseTo(3, 10); // 1 / (100/3) · 100
  });

  it('hour and minute trends spread an hourly report over their buckets', async () => {
    const fx = fixture();
    served(fx, 'desk', at('10:00'), at('12:00'), 120);
    await fx.write([press('desk', at('10:00') + 30_000, 3), press('desk', at('11:15'), 3)]);
    const hours = await fx.indices.trend({ index: 'responseRate', pointId: 'desk', from: at('10:00'), to: at('12:00') }, 'hour');
    // 60 customers in each hour; one press in each → 1/60
    expect(hours.map((p) => [p.start, p.result.n])).toEqual([
      [at('10:00'), 60],
      [at('11:00'), 60],
    ]);
    expect(hours[0]!.result.value).toBeCloseTo(100 / 60, 10);
    const minutes = await fx.indices.trend({ index: 'responseRate', pointId: 'desk', from: at('10:00'), to: at('10:03') }, 'minute');
    // 120 customers / 120 minutes = 1 a minute: the press at 10:00:30 is 100% of its minute, the others 0%
    expect(minutes.map((p) => [p.result.n, p.result.value])).toEqual([
      [1, 100],
      [1, 0],
      [1, 0],
    ]);
  });

  it('day trend: a period across local midnight is split between the two local days', async () => {
    const fx = fixture();
    // 21:00–23:00 UTC is 23:00–01:00 in Berlin: 50 customers on 1 June, 50 on 2 June (local)
    served(fx, 'desk', at('21:00'), at('23:00'), 100);
    const days = await fx.indices.trend(
      {
        index: 'responseRate',
        pointId: 'desk',
        from: Date.parse('2026-06-01T00:00:00+02:00'),
        to: Date.parse('2026-06-03T00:00:00+02:00'),
      },
      'day',
    );
    expect(days.map((p) => [p.start, p.result.n, p.result.value])).toEqual([
      [Date.parse('2026-06-01T00:00:00+02:00'), 50, 0],
      [Date.parse('2026-06-02T00:00:00+02:00'), 50, 0],
    ]);
  });

  it('hour-of-day breakdown: each local hour gets the customers of its part of the period', async () => {
    const fx = fixture();
    served(fx, 'desk', at('10:00'), at('12:00'), 120);
    await fx.write([press('desk', at('10:15'), 3)]);
    const cells = await fx.indices.breakdown({ index: 'responseRate', pointId: 'desk', from: at('00:00'), to: at('23:00') }, 'hourOfDay');
    // 10:00 and 11:00 UTC are 12 and 13 in Berlin: 60 customers each; one press in 12 → 1/60, none in 13 → 0%
    expect(cells.map((g) => [g.group, g.result.n])).toEqual([
      ['12', 60],
      ['13', 60],
    ]);
    expect(cells[0]!.result.value).toBeCloseTo(100 / 60, 10);
    expect(cells[1]!.result.value).toBe(0);
  });
  it('a long period added after a short one still counts in a range far from its start (the read is bounded by the longest)', async () => {
    const fx = fixture();
    served(fx, 'desk', at('10:00'), at('11:00'), 60);
    const range = { pointId: 'desk', from: at('10:00'), to: at('11:00') };
    expect((await fx.indices.compute({ index: 'responseRate', ...range })).n).toBe(60);
    // ten days typed in at once, 2400 customers: 10 a local hour; the range 10:00–11:00 on 1 June takes 10
    served(fx, 'desk', Date.parse('2026-05-25T11:00:00Z'), Date.parse('2026-06-04T11:00:00Z'), 2400);
    expect((await fx.indices.compute({ index: 'responseRate', ...range })).n).toBeCloseTo(70, 10);
  });
});

describe('filters narrow customers as METRICS.md says', () => {
  async function twoPoints(): Promise<StoreFixture> {
    const fx = fixture();
    served(fx, 'desk', at('10:00'), at('11:00'), 40);
    served(fx, 'bar', at('10:00'), at('11:00'), 60);
    served(fx, 'ny', at('10:00'), at('11:00'), 1000);
    await fx.write([press('desk', at('10:10'), 3), press('bar', at('10:20'), 0)]);
    return fx;
  }
  const range = { from: at('09:00'), to: at('12:00') };

  it('site and point narrow to their points; a device to its point', async () => {
    const fx = await twoPoints();
    expect((await fx.indices.compute({ index: 'responseRate', siteId: 'berlin', ...range })).n).toBe(100);
    expect((await fx.indices.compute({ index: 'responseRate', pointId: 'bar', ...range })).n).toBe(60);
    // the desk's button: its one press against the desk's 40 customers → 2.5%
    expect(await fx.indices.compute({ index: 'responseRate', deviceId: 'dev-desk', ...range })).toMatchObject({ value: 2.5, n: 40 });
    // a phone device speaks for its point
    expect((await fx.indices.compute({ index: 'responseRate', deviceId: 'phone.bar', ...range })).n).toBe(60);
    expect((await fx.indices.compute({ index: 'responseRate', siteIds: ['berlin'], deviceId: 'dev-ny', ...range })).n).toBe(0);
  });

  it('channel, survey and question leave customers unchanged', async () => {
    const fx = await twoPoints();
    const berlin = { siteId: 'berlin', ...range };
    expect((await fx.indices.compute({ index: 'responseRate', deviceIds: ['dev-desk'], ...berlin })).n).toBe(100);
    expect((await fx.indices.compute({ index: 'responseRate', surveyId: 'visit', ...berlin })).n).toBe(100);
    expect((await fx.indices.compute({ index: 'responseRate', questionId: 'q1', ...berlin })).n).toBe(100);
  });
});

describe('staff: the customers served at their points during their shifts', () => {
  /**
   * desk: 120 customers 10:00–12:00 (1 a minute); bar: 60 customers 12:00–14:00 (½ a minute).
   * anna: desk 10:00–11:00 and 10:45–11:15 (joined: 10:00–11:15), bar 12:00–13:00; ben: desk 11:30–14:00.
   * Range 10:30–13:30.
   *   anna: desk 10:30–11:15 = 45 min → 45; bar 12:00–13:00 = 60 min → 30; 75 customers
   *   ben: desk 11:30–12:00 = 30 min → 30 customers
   *   nobody on shift: desk 11:15–11:30 → 15; bar 13:00–13:30 → 15; 30 customers
   */
  async function rota(): Promise<StoreFixture> {
    const fx = fixture();
    const shifts = new ShiftRepo(fx.db);
    for (const id of ['anna', 'ben', 'cleo']) shifts.upsertStaff(id, id);
    shifts.addShift({ staffId: 'anna', pointId: 'desk', startsAt: at('10:00'), endsAt: at('11:00') });
    shifts.addShift({ staffId: 'anna', pointId: 'desk', startsAt: at('10:45'), endsAt: at('11:15') });
    shifts.addShift({ staffId: 'anna', pointId: 'bar', startsAt: at('12:00'), endsAt: at('13:00') });
    shifts.addShift({ staffId: 'ben', pointId: 'desk', startsAt: at('11:30'), endsAt: at('14:00') });
    shifts.addShift({ staffId: 'cleo', pointId: 'desk', startsAt: at('15:00'), endsAt: at('16:00') });
    served(fx, 'desk', at('10:00'), at('12:00'), 120);
    served(fx, 'bar', at('12:00'), at('14:00'), 60);
    const assigned = (pointId: string, ms: number) => press(pointId, ms, 3, shifts.staffAt(pointId, ms));
    await fx.write([assigned('desk', at('10:40')), assigned('bar', at('12:30')), assigned('bar', at('13:10'))]);
    return fx;
  }
  const range = { from: at('10:30'), to: at('13:30') };

  it('a staff filter counts only the customers of their shifts within the range', async () => {
    const fx = await rota();
    // anna's two presses over her 75 customers
    const anna = await fx.indices.compute({ index: 'responseRate', staffId: 'anna', ...range });
    expect(anna.n).toBeCloseTo(75, 10);
    expect(anna.value).toBeCloseTo(200 / 75, 10);
    // with a point as well: bar only → 30
    expect((await fx.indices.compute({ index: 'responseRate', staffId: 'anna', pointId: 'bar', ...range })).n).toBeCloseTo(30, 10);
    expect(await fx.indices.compute({ index: 'responseRate', staffId: 'ben', ...range })).toMatchObject({ value: 0, n: 30 });
  });

  it('a staff member with no shift in the range has 0 customers: value null', async () => {
    const fx = await rota();
    for (const staffId of ['cleo', 'nobody'])
      expect(await fx.indices.compute({ index: 'responseRate', staffId, ...range })).toMatchObject({ value: null, n: 0, enough: false });
  });

  it('a breakdown by staff gives each person their customers by the shift rule, and those served while nobody was', async () => {
    const fx = await rota();
    const groups = await fx.indices.breakdown({ index: 'responseRate', ...range }, 'staff');
    expect(groups.map((g) => [g.group, g.result.n])).toEqual([
      ['(unassigned)', 30],
      ['anna', 75],
      ['ben', 30],
    ]);
    // ben served customers and got no response: listed with 0%; the unassigned press at 13:10 is 1 of 30
    expect(groups.map((g) => g.result.value)).toEqual([100 / 30, 200 / 75, 0]);
  });
});

describe('a breakdown by point', () => {
  it('lists every point in the asker’s scope that served customers, with 0% where no response came', async () => {
    const fx = fixture();
    served(fx, 'desk', at('10:00'), at('11:00'), 50);
    served(fx, 'bar', at('10:00'), at('12:00'), 80); // the range keeps 10:00–11:30: 60
    served(fx, 'ny', at('10:00'), at('11:00'), 1000);
    await fx.write([press('desk', at('10:30'), 3)]);
    const groups = await fx.indices.breakdown({ index: 'responseRate', siteIds: ['berlin'], from: at('09:00'), to: at('11:30') }, 'point');
    // door served nobody (not listed); ny is outside the asker's sites
    expect(groups.map((g) => [g.group, g.result.n, g.result.value])).toEqual([
      ['bar', 60, 0],
      ['desk', 50, 2],
    ]);
  });
});

describe('enough compares the customers with the minimum', () => {
  it('29.5 customers are not enough at a minimum of 30; 30 are', async () => {
    f = storeFixture({ sites: [BERLIN], points: [{ id: 'desk', siteId: 'berlin' }], minAnswers: 30 });
    served(f, 'desk', at('10:00'), at('12:00'), 60);
    await f.write([press('desk', at('10:10'), 3)]);
    const q = { index: 'responseRate' as const, pointId: 'desk', from: at('10:00') };
    // 59 minutes of 120 → 29.5 customers
    expect(await f.indices.compute({ ...q, to: at('10:59') })).toMatchObject({ n: 29.5, enough: false });
    expect(await f.indices.compute({ ...q, to: at('11:00') })).toMatchObject({ n: 30, enough: true });
  });
});
