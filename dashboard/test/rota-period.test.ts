import { describe, expect, it } from 'vitest';
import { isoWeekOf, periodAt, periodRange } from '../src/settings/rota-period.ts';

// The rota's period is computed in the process's zone (the browser's, on screen); these tests set
// dates through the local Date constructor, so they hold in any zone the machine runs in.
const local = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h);

describe('the staff rota period', () => {
  it('names ISO weeks, including those that cross a year', () => {
    // hand-checked against the ISO 8601 calendar
    expect(isoWeekOf(local(2026, 12, 5))).toBe('2026-W49');
    expect(isoWeekOf(local(2026, 12, 31))).toBe('2026-W53');
    expect(isoWeekOf(local(2027, 1, 3))).toBe('2026-W53');
    expect(isoWeekOf(local(2027, 1, 4))).toBe('2027-W01');
    expect(isoWeekOf(local(2024, 12, 30))).toBe('2025-W01');
    expect(isoWeekOf(local(2021, 1, 3))).toBe('2020-W53');
  });

  it('runs a week from local Monday midnight to the next, across a DST change', () => {
    const range = periodRange({ kind: 'week', value: '2026-W13' })!; // 23–29 March 2026: Europe's spring change
    expect(new Date(range.from)).toEqual(local(2026, 3, 23));
    expect(new Date(range.to)).toEqual(local(2026, 3, 30));
    expect(periodRange({ kind: 'week', value: '2026-W53' })).toEqual({
      from: local(2026, 12, 28).getTime(),
      to: local(2027, 1, 4).getTime(),
    });
  });

  it('runs a month from its first local midnight to the next month’s, December into January', () => {
    expect(periodRange({ kind: 'month', value: '2026-12' })).toEqual({
      from: local(2026, 12, 1).getTime(),
      to: local(2027, 1, 1).getTime(),
    });
    expect(periodRange({ kind: 'month', value: '2027-02' })).toEqual({
      from: local(2027, 2, 1).getTime(),
      to: local(2027, 3, 1).getTime(),
    });
  });

  it('holds the instant it was made from, for any day of several years', () => {
    for (let day = local(2024, 12, 1).getTime(); day < local(2028, 1, 15).getTime(); day += 86_400_000 * 0.75) {
      for (const kind of ['week', 'month'] as const) {
        const range = periodRange(periodAt(kind, day))!;
        expect(range.from <= day && day < range.to, `${kind} of ${new Date(day).toString()}`).toBe(true);
      }
    }
  });

  it('refuses values that are not a week or a month', () => {
    for (const value of ['', '2026-W00', '2026-W54', '2025-W53', 'next week'])
      expect(periodRange({ kind: 'week', value }), value).toBeNull();
    for (const value of ['', '2026-00', '2026-13', '2026-1']) expect(periodRange({ kind: 'month', value }), value).toBeNull();
  });
});
