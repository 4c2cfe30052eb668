import type { Scale } from '../src/core/scale.ts';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { storeFixture, type StoreFixture } from './helpers/store-fixture.ts';
import { rebuildRollups } from '../src/platform/rollups/rebuild.ts';
import { ROLLUP_TABLES } from '../src/platform/rollups/levels.ts';
import { ShiftRepo } from '../src/modules/staff/shift-repo.ts';
import type { SurveyConfig } from '../src/platform/config/schema.ts';

const BERLIN = { id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' };
const NEW_YORK = { id: 'nyc', name: 'New York', timeZone: 'America/New_York' };
const DAY = 86_400_000;
let f: StoreFixture | undefined;
afterEach(() => {
  f?.close();
  f = undefined;
});

const iso = (s: string) => Date.parse(s);

describe('hand-computed fixtures', () => {
  it('no answers: no value, n = 0, not enough', async () => {
    f = storeFixture({ sites: [BERLIN], points: [{ id: 'desk', siteId: 'berlin' }] });
    expect(await f.indices.compute({ index: 'happy', pointId: 'desk', from: 0, to: Date.now() })).toEqual({
      value: null,
      n: 0,
      unit: 'answers',
      ci: null,
      enough: false,
    });
  });

  it('only skipped answers: n = 0', async () => {
    f = storeFixture({ sites: [BERLIN], points: [{ id: 'desk', siteId: 'berlin' }] });
    await f.write([
      { scale: 'nps11', value: null, questionId: 'q' },
      { scale: 'nps11', value: null, questionId: 'q' },
    ]);
    expect(await f.indices.compute({ index: 'nps', pointId: 'desk', from: 0, to: Date.now() })).toMatchObject({ value: null, n: 0 });
  });

  it('one promoter and two skipped answers: NPS 100 over n = 1 (METRICS.md)', async () => {
    f = storeFixture({ sites: [BERLIN], points: [{ id: 'desk', siteId: 'berlin' }] });
    await f.write([
      { scale: 'nps11', value: 10 },
      { scale: 'nps11', value: null },
      { scale: 'nps11', value: null },
    ]);
    expect(await f.indices.compute({ index: 'nps', pointId: 'desk', from: 0, to: Date.now() })).toMatchObject({ value: 100, n: 1 });
  });

  it('one answer has a value and no interval', async () => {
    f = storeFixture({ sites: [BERLIN], points: [{ id: 'desk', siteId: 'berlin' }] });
    await f.write([{ value: 2 }]);
    const r = await f.indices.compute({ index: 'happy', pointId: 'desk', from: 0, to: Date.now() });
    expect(r.value).toBeCloseTo(200 / 3, 10);
    expect(r.n).toBe(1);
    expect(r.ci).toBeNull();
  });

  it('misuse-flagged answers are kept but never counted', async () => {
    f = storeFixture({ sites: [BERLIN], points: [{ id: 'desk', siteId: 'berlin' }] });
    await f.write([{ value: 3 }, { value: 0, misuse: true }, { value: 0, misuse: true }]);
    expect(await f.indices.compute({ index: 'happy', pointId: 'desk', from: 0, to: Date.now() })).toMatchObject({ value: 100, n: 1 });
    expect(f.db.prepare('SELECT COUNT(*) FROM answers WHERE misuse = 1').pluck().get()).toBe(2);
  });

  it('a DST day (Berlin, 29 March 2026) has 23 hours and begins at local midnight', async () => {
    f = storeFixture({ sites: [BERLIN], points: [{ id: 'desk', siteId: 'berlin' }] });
    await f.write([
      { value: 3, occurredAt: iso('2026-03-28T23:30:00+01:00') }, // Saturday 23:30: the day before
      { value: 3, occurredAt: iso('2026-03-29T01:30:00+01:00') }, // before the change
      { value: 0, occurredAt: iso('2026-03-29T03:30:00+02:00') }, // after the change
      { value: 0, occurredAt: iso('2026-03-29T23:59:00+02:00') }, // the last minute of the short day
      { value: 3, occurredAt: iso('2026-03-30T00:00:00+02:00') }, // Monday
    ]);
    const from = iso('2026-03-29T00:00:00+01:00');
    const to = iso('2026-03-30T00:00:00+02:00');
    expect(to - from).toBe(23 * 3600_000);
    expect(await f.indices.compute({ index: 'happy', siteId: 'berlin', from, to })).toMatchObject({ n: 3, value: 100 / 3 });
    const trend = await f.indices.trend(
      { index: 'happy', siteId: 'berlin', from: iso('2026-03-28T00:00:00+01:00'), to: iso('2026-03-31T00:00:00+02:00') },
      'day',
    );
    expect(trend.map((p) => [p.end - p.start, p.result.n])).toEqual([
      [24 * 3600_000, 1],
      [23 * 3600_000, 3],
      [24 * 3600_000, 1],
    ]);
    const hours = await f.indices.breakdown({ index: 'happy', siteId: 'berlin', from, to }, 'hourOfDay');
    expect(hours.map((g) => g.group)).toEqual(['1', '3', '23']);
    // the heat map's cells: Sunday (7) at those local hours, in the site's own time
    const cells = await f.indices.breakdown({ index: 'happy', siteId: 'berlin', from, to: iso('2026-03-31T00:00:00+02:00') }, 'hourOfWeek');
    expect(cells.map((g) => [g.group, g.result.n])).toEqual([
      ['100', 1],
      ['701', 1],
      ['703', 1],
      ['723', 1],
    ]);
  });

  it('two sites in different time zones each count their own local day', async () => {
    f = storeFixture({
      sites: [BERLIN, NEW_YORK],
      points: [
        { id: 'b-desk', siteId: 'berlin' },
        { id: 'n-desk', siteId: 'nyc' },
      ],
    });
    const instant = iso('2026-06-01T03:00:00Z'); // Berlin: 1 June 05:00; New York: 31 May 23:00
    await f.write([
      { pointId: 'b-desk', value: 3, occurredAt: instant },
      { pointId: 'n-desk', value: 0, occurredAt: instant },
    ]);
    const june1 = (tz: string) => ({ from: iso(`2026-06-01T00:00:00${tz}`), to: iso(`2026-06-02T00:00:00${tz}`) });
    expect((await f.indices.compute({ index: 'happy', siteId: 'berlin', ...june1('+02:00') })).n).toBe(1);
    expect((await f.indices.compute({ index: 'happy', siteId: 'nyc', ...june1('-04:00') })).n).toBe(0);
    expect(
      await f.indices.compute({
        index: 'happy',
        siteId: 'nyc',
        from: iso('2026-05-31T00:00:00-04:00'),
        to: iso('2026-06-01T00:00:00-04:00'),
      }),
    ).toMatchObject({ n: 1, value: 0 });
    const byPoint = await f.indices.breakdown(
      { index: 'happy', from: iso('2026-05-01T00:00:00Z'), to: iso('2026-07-01T00:00:00Z') },
      'point',
    );
    expect(byPoint.map((g) => [g.group, g.result.value])).toEqual([
      ['b-desk', 100],
      ['n-desk', 0],
    ]);
  });

  it('breaks down by staff and filters by staff, through the shifts that assign answers', async () => {
    f = storeFixture({
      sites: [BERLIN],
      points: [
        { id: 'desk', siteId: 'berlin' },
        { id: 'bar', siteId: 'berlin' },
      ],
    });
    const shifts = new ShiftRepo(f.db);
    for (const id of ['anna', 'ben']) shifts.upsertStaff(id, id);
    const at = (hhmm: string) => iso(`2026-06-01T${hhmm}:00+02:00`);
    shifts.addShift({ staffId: 'anna', pointId: 'desk', startsAt: at('10:00'), endsAt: at('12:00') });
    shifts.addShift({ staffId: 'ben', pointId: 'desk', startsAt: at('12:00'), endsAt: at('14:00') });
    shifts.addShift({ staffId: 'ben', pointId: 'bar', startsAt: at('09:00'), endsAt: at('11:00') });
    const answer = (pointId: string, hhmm: string, value: number) => ({
      pointId,
      value,
      occurredAt: at(hhmm),
      staffId: shifts.staffAt(pointId, at(hhmm)),
    });
    await f.write([
      answer('desk', '10:30', 3),
      answer('desk', '11:59', 3),
      answer('desk', '12:00', 0),
      answer('bar', '09:15', 0),
      answer('bar', '11:00', 1),
      answer('desk', '15:00', 2),
    ]);
    const day = { from: at('00:00'), to: at('23:59') };
    expect((await f.indices.breakdown({ index: 'happy', ...day }, 'staff')).map((g) => [g.group, g.result.n])).toEqual([
      ['(unassigned)', 2],
      ['anna', 2],
      ['ben', 2],
    ]);
    expect(await f.indices.compute({ index: 'happy', staffId: 'ben', ...day })).toMatchObject({ value: 0, n: 2 });
    expect(await f.indices.compute({ index: 'happy', staffId: 'ben', pointId: 'bar', ...day })).toMatchObject({ value: 0, n: 1 });
    expect(await f.indices.compute({ index: 'happy', staffId: 'anna', from: at('12:00'), to: at('23:00') })).toMatchObject({
      value: null,
      n: 0,
    });
    expect((await f.indices.compute({ index: 'happy', staffId: 'nobody', ...day })).n).toBe(0);
    // Chain-wide indices without a staff filter read the per-point rollups and agree with the detailed ones.
    expect((await f.indices.compute({ index: 'happy', ...day })).n).toBe(6);
  });

  it('CSI from attribute and importance questions of a survey', async () => {
    const survey: SurveyConfig = {
      id: 'visit',
      name: 'Visit',
      idle: { afterSeconds: 30, partial: 'submit' },
      questions: [
        { id: 'speed', number: 1, scale: 'csi5', label: 'Speed' },
        { id: 'speed-imp', number: 2, scale: 'importance5', label: 'How important is speed', importanceOf: 'speed' },
        { id: 'polite', number: 3, scale: 'csi5', label: 'Politeness' },
        { id: 'polite-imp', number: 4, scale: 'importance5', label: 'How important is politeness', importanceOf: 'polite' },
      ],
    };
    f = storeFixture({ sites: [BERLIN], points: [{ id: 'desk', siteId: 'berlin' }], surveys: [survey] });
    const q = (questionId: string, scale: Scale, value: number) => ({ surveyId: 'visit', questionId, scale, value });
    await f.write([q('speed', 'csi5', 5), q('speed-imp', 'importance5', 3), q('polite', 'csi5', 1), q('polite-imp', 'importance5', 1)]);
    expect((await f.indices.compute({ index: 'csi', surveyId: 'visit', from: 0, to: Date.now() })).value).toBeCloseTo(75, 10);
  });

  it('response rate, criticality and support use customers served in the range', async () => {
    f = storeFixture({ sites: [BERLIN], points: [{ id: 'desk', siteId: 'berlin' }] });
    await f.write([{ value: 3 }, { value: 3 }, { value: 0 }, { value: 1 }]);
    const at = Date.UTC(2026, 5, 1, 8);
    f.db.prepare("INSERT INTO customers_served VALUES ('desk', ?, ?, 40, 'api', 0)").run(at, at + 8 * 3600_000);
    const range = { pointId: 'desk', from: Date.UTC(2026, 5, 1), to: Date.UTC(2026, 5, 2) };
    expect(await f.indices.compute({ index: 'responseRate', ...range })).toMatchObject({ value: 10, n: 40 });
    expect((await f.indices.compute({ index: 'criticality', ...range })).value).toBe(5);
    expect((await f.indices.compute({ index: 'support', ...range })).value).toBe(5);
  });

  it('refuses a range that ends before it starts, and unknown sites and points', async () => {
    f = storeFixture({ sites: [BERLIN], points: [{ id: 'desk', siteId: 'berlin' }] });
    await expect(f!.indices.compute({ index: 'happy', from: 10, to: 5 })).rejects.toThrow(/before/);
    await expect(f!.indices.compute({ index: 'happy', siteId: 'mars', from: 0, to: 5 })).rejects.toThrow(/No site "mars"/);
    await expect(f!.indices.compute({ index: 'happy', pointId: 'nowhere', from: 0, to: 5 })).rejects.toThrow(/No point "nowhere"/);
  });
});

describe('rollups against raw answers (random data)', () => {
  const start = iso('2025-12-20T00:00:00Z');
  const span = 120 * DAY;

  async function randomStore(seed: number): Promise<{ events: { pointId: string; value: number; occurredAt: number; misuse: boolean }[] }> {
    f = storeFixture({
      sites: [BERLIN, NEW_YORK],
      points: [
        { id: 'b1', siteId: 'berlin' },
        { id: 'b2', siteId: 'berlin' },
        { id: 'n1', siteId: 'nyc' },
      ],
    });
    const events = fc.sample(
      fc.record({
        pointId: fc.constantFrom('b1', 'b2', 'n1'),
        value: fc.integer({ min: 0, max: 3 }),
        occurredAt: fc.integer({ min: start, max: start + span }),
        misuse: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
      }),
      { numRuns: 3000, seed },
    );
    await f.write(events);
    return { events };
  }

  it('any range and filter gives what a scan of the raw answers gives', async () => {
    const { events } = await randomStore(1);
    const ranges = fc.sample(
      fc.tuple(
        fc.integer({ min: start - DAY, max: start + span + DAY }),
        fc.integer({ min: 1, max: span }),
        fc.constantFrom(undefined, 'berlin', 'nyc'),
        fc.constantFrom(undefined, 'b1', 'n1'),
        fc.constantFrom(undefined, 'dev-b2'),
      ),
      { numRuns: 200, seed: 2 },
    );
    // With a device filter the detailed rollups answer; without one, the per-point ones (days and months).
    for (const [fromRaw, length, siteId, pointId, deviceId] of ranges) {
      if (pointId && siteId && !pointId.startsWith(siteId[0]!)) continue;
      const from = Math.floor(fromRaw / 60_000) * 60_000;
      const to = from + Math.ceil(length / 60_000) * 60_000;
      const site = (p: string) => (p.startsWith('b') ? 'berlin' : 'nyc');
      const expected = events.filter(
        (e) =>
          !e.misuse &&
          e.occurredAt >= from &&
          e.occurredAt < to &&
          (!siteId || site(e.pointId) === siteId) &&
          (!pointId || e.pointId === pointId) &&
          (!deviceId || `dev-${e.pointId}` === deviceId),
      );
      const result = await f!.indices.compute({ index: 'happy', siteId, pointId, deviceId, from, to });
      expect(result.n, `range ${new Date(from).toISOString()} + ${length} ${siteId} ${pointId}`).toBe(expected.length);
      if (expected.length > 0)
        expect(result.value).toBeCloseTo((100 * expected.reduce((a, e) => a + e.value, 0)) / (3 * expected.length), 9);
    }
  });

  it('the rebuild command recreates identical rollups and identical indices', async () => {
    await randomStore(3);
    const snapshot = () => ROLLUP_TABLES.map((t) => f!.db.prepare(`SELECT * FROM ${t.name} ORDER BY ${t.columns.join(', ')}`).all());
    const before = snapshot();
    const indexBefore = await f!.indices.compute({ index: 'happy', from: start, to: start + span });
    expect(before[0]!.length).toBeGreaterThan(100);
    f!.db.exec('DELETE FROM rollup_day; UPDATE rollup_month SET n3 = n3 + 1; DELETE FROM rollup_point_day');
    expect(snapshot()).not.toEqual(before);
    const progress: number[] = [];
    rebuildRollups(f!.db, (done) => progress.push(done));
    expect(snapshot()).toEqual(before);
    expect(await f!.indices.compute({ index: 'happy', from: start, to: start + span })).toEqual(indexBefore);
    expect(progress.at(-1)).toBeGreaterThan(2000);
  });
});
