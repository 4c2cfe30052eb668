import { afterEach, describe, expect, it } from 'vitest';
import { storeFixture, type StoreFixture } from './helpers/store-fixture.ts';
import { ShiftRepo } from '../src/modules/staff/shift-repo.ts';
import { rebuildRollups } from '../src/platform/rollups/rebuild.ts';
import type { Answer } from '../src/core/answer.ts';
import type { Scale } from '../src/core/scale.ts';

/**
 * METRICS.md "Precise readings": a staff filter chooses a response when one of its counted answers was
 * given on that person's shift; unfiltered figures count each response once. Every figure below is
 * worked out by hand in the comments.
 *
 * Desk (Berlin), 1 June 2026 (UTC times): anna on shift 10:00–11:00, ben 11:00–12:00; 100 customers
 * served 10:00–12:00, so 50 on each shift.
 * - P: a negative press (smiley4 0) at 10:30, anna's shift.
 * - K: a kiosk run begun at 10:59:50 on anna's shift whose first answer (the headline) is skipped; its
 *   other two answers count, at 11:00:05 and 11:00:20 on ben's shift. Neither negative nor positive.
 * - R: a kiosk run with a positive headline (smiley4 3) at 10:58 on anna's shift and a counted answer
 *   at 11:01 on ben's.
 */
const at = (hhmmss: string) => Date.parse(`2026-06-01T${hhmmss}Z`);

let f: StoreFixture | undefined;
afterEach(() => {
  f?.close();
  f = undefined;
});

async function scenario(): Promise<StoreFixture> {
  f = storeFixture({ sites: [{ id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' }], points: [{ id: 'desk', siteId: 'berlin' }] });
  const shifts = new ShiftRepo(f.db);
  for (const id of ['anna', 'ben']) shifts.upsertStaff(id, id);
  shifts.addShift({ staffId: 'anna', pointId: 'desk', startsAt: at('10:00:00'), endsAt: at('11:00:00') });
  shifts.addShift({ staffId: 'ben', pointId: 'desk', startsAt: at('11:00:00'), endsAt: at('12:00:00') });
  f.db
    .prepare("INSERT INTO customers_served (point_id, starts_at, ends_at, count, source, received_at) VALUES ('desk', ?, ?, 100, 'api', 0)")
    .run(at('10:00:00'), at('12:00:00'));
  const kiosk = (run: string, questionId: string, scale: Scale, value: number | null, time: string, headline = false): Partial<Answer> => ({
    deviceId: 'kiosk-desk',
    responseKey: `kiosk-desk/1/${run}`,
    surveyId: 'exit',
    questionId,
    scale,
    value,
    occurredAt: at(time),
    headline,
    staffId: shifts.staffAt('desk', at(time)),
    source: 'kiosk',
  });
  await f.write([
    { value: 0, occurredAt: at('10:30:00'), staffId: shifts.staffAt('desk', at('10:30:00')) },
    kiosk('r1', 'wait', 'smiley4', null, '10:59:50', true),
    kiosk('r1', 'staff', 'csat5', 1, '11:00:05'),
    kiosk('r1', 'recommend', 'nps11', 2, '11:00:20'),
    kiosk('r2', 'wait', 'smiley4', 3, '10:58:00', true),
    kiosk('r2', 'staff', 'csat5', 5, '11:01:00'),
  ]);
  return f;
}

type Fixture = Awaited<ReturnType<typeof scenario>>;

async function figures(fx: Fixture, query: { staffId?: string; questionId?: string; from: number; to: number }) {
  const values = await Promise.all(
    (['responseRate', 'criticality', 'support'] as const).map(async (index) => {
      const r = await fx.indices.compute({ index, pointId: 'desk', ...query });
      return [index, r.value === null ? null : Math.round(r.value * 1e9) / 1e9, r.n] as const;
    }),
  );
  return Object.fromEntries(values.map(([index, value, n]) => [index, { value, n }]));
}

const expectFigures = (n: number, responseRate: number, criticality: number, support: number) => ({
  responseRate: { value: responseRate, n },
  criticality: { value: criticality, n },
  support: { value: support, n },
});

describe('a kiosk run that crosses a shift change', () => {
  // two whole hours (hour rollups) and the whole local day (day rollups)
  const ranges = { hours: { from: at('10:00:00'), to: at('12:00:00') }, day: { from: at('00:00:00') - 2 * 3_600_000, to: at('22:00:00') } };

  for (const [name, range] of Object.entries(ranges)) {
    it(`counts for those on shift at its counted answers, never by a skipped one (${name})`, async () => {
      const fx = await scenario();
      // anna: P (negative) and R (positive); K's only answer on her shift was skipped → 2 / 50 = 4%, 1 / 50 = 2%, 2%
      expect(await figures(fx, { staffId: 'anna', ...range })).toEqual(expectFigures(50, 4, 2, 2));
      // ben: K (neither) and R (positive) → 2 / 50 = 4%, 0%, 1 / 50 = 2%
      expect(await figures(fx, { staffId: 'ben', ...range })).toEqual(expectFigures(50, 4, 0, 2));
      // unfiltered: P, K and R once each (not R twice) → 3 / 100 = 3%, 1%, 1%
      expect(await figures(fx, range)).toEqual(expectFigures(100, 3, 1, 1));
      // with a question: the responses that answered it on the person's shift, polarity by the headline
      expect(await figures(fx, { staffId: 'anna', questionId: 'staff', ...range })).toEqual(expectFigures(50, 0, 0, 0));
      expect(await figures(fx, { staffId: 'ben', questionId: 'staff', ...range })).toEqual(expectFigures(50, 4, 0, 2));
      expect(await figures(fx, { staffId: 'anna', questionId: 'wait', ...range })).toEqual(expectFigures(50, 2, 0, 2));
    });
  }

  it('lists each person with their own responses in a staff breakdown, and the same after a rebuild', async () => {
    const fx = await scenario();
    const breakdown = async () =>
      (await fx.indices.breakdown({ index: 'responseRate', pointId: 'desk', ...ranges.hours }, 'staff')).map((g) => [
        g.group,
        g.result.value,
        g.result.n,
      ]);
    // anna: P, R → 2 / 50; ben: K, R → 2 / 50
    const expected = [
      ['anna', 4, 50],
      ['ben', 4, 50],
    ];
    expect(await breakdown()).toEqual(expected);
    rebuildRollups(fx.db);
    expect(await breakdown()).toEqual(expected);
    expect(await figures(fx, { staffId: 'ben', ...ranges.hours })).toEqual(expectFigures(50, 4, 0, 2));
    expect((await fx.indices.responseCounts({ pointId: 'desk', ...ranges.hours })).responses).toBe(3);
    expect((await fx.indices.responseCounts({ pointId: 'desk', staffId: 'anna', ...ranges.hours })).responses).toBe(2);
  });
});
