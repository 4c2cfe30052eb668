import { afterEach, describe, expect, it } from 'vitest';
import { storeFixture, type StoreFixture } from '../../helpers/store-fixture.ts';
import { PulseRepo } from '../../../src/modules/staff/pulse-repo.ts';
import { ShiftRepo } from '../../../src/modules/staff/shift-repo.ts';
import { pulseWeeks } from '../../../src/modules/staff/pulse-summary.ts';

// Issue 23: the drained share is a percentage like every share, and the running week is never shown.
const KOLKATA = { id: 'pune', name: 'Pune', timeZone: 'Asia/Kolkata' };
let f: StoreFixture | undefined;
afterEach(() => {
  f?.close();
  f = undefined;
});
const iso = (s: string) => Date.parse(s);

/** A week (Monday 2026-06-01, Asia/Kolkata) with five staff on shift and five pulse answers. */
function fullWeek() {
  f = storeFixture({ sites: [KOLKATA], points: [{ id: 'desk', siteId: 'pune' }] });
  const pulse = new PulseRepo(f.db);
  const shifts = new ShiftRepo(f.db);
  for (let i = 1; i <= 5; i++) {
    shifts.upsertStaff(`s${i}`, `Staff ${i}`);
    shifts.addShift({
      staffId: `s${i}`,
      pointId: 'desk',
      startsAt: iso('2026-06-02T09:00:00+05:30'),
      endsAt: iso('2026-06-02T17:00:00+05:30'),
    });
  }
  const answers: [number, number][] = [
    [10, 1],
    [9, 5],
    [9, 4],
    [3, 2],
    [7, 3],
  ];
  answers.forEach(([enps, drained], i) => pulse.add({ key: `k${i}`, siteId: 'pune', week: 20260601, enps, drained }));
  const src = { pulse, staffOnShift: (from: number, to: number) => shifts.staffOnShift(['desk'], from, to) };
  // the week of 2026-06-01 as seen at `at` (two weeks back, so it is there also on the Monday after)
  return (at: string) => pulseWeeks(src, KOLKATA.timeZone, 'pune', iso(at), 2).find((w) => w.week === '2026-06-01')!;
}

describe('staff pulse', () => {
  it('returns the drained share as a percentage 0–100 with its Wilson interval in percent', () => {
    const week = fullWeek()('2026-06-10T12:00:00+05:30');
    expect(week).toMatchObject({ week: '2026-06-01', ended: true, shown: true, answers: 5, staffOnShift: 5 });
    // drained 4–5: two of five → 40%
    expect(week!.drained!.value).toBeCloseTo(40, 10);
    expect(week!.drained!.n).toBe(5);
    // Wilson, z = 1.959964, p = 0.4, n = 5: centre = (0.4 + z²/10)/(1 + z²/5), half = z·√(0.048 + z²/100)/(1 + z²/5)
    const z = 1.959964;
    const centre = (0.4 + (z * z) / 10) / (1 + (z * z) / 5);
    const half = (z * Math.sqrt(0.048 + (z * z) / 100)) / (1 + (z * z) / 5);
    expect(week!.drained!.ci![0]).toBeCloseTo(100 * (centre - half), 6);
    expect(week!.drained!.ci![1]).toBeCloseTo(100 * (centre + half), 6);
    // eNPS: promoters 10, 9, 9; detractors 3 → 100·(3 − 1)/5 = 40
    expect(week!.enps!.value).toBeCloseTo(40, 10);
  });

  it('hides the running week until the site-local Monday 00:00 after it', () => {
    const weekAt = fullWeek();
    // Sunday 23:59 local (18:29 UTC): the week is still running
    expect(weekAt('2026-06-07T23:59:00+05:30')).toMatchObject({
      ended: false,
      shown: false,
      enps: null,
      drained: null,
      answers: 5,
      staffOnShift: 5,
    });
    // Monday 00:00 local = Sunday 18:30 UTC: the week has ended
    expect(weekAt('2026-06-08T00:00:00+05:30')).toMatchObject({ ended: true, shown: true });
  });
});
