import { describe, expect, it } from 'vitest';
import { localDate, localDaysRange, periodRange, startOfLocalDay, zoneOf, zoneOffset } from '../src/site-time.ts';

// every expected instant below is written by hand from the zone's published offset
const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('site time (Intl only, never the process zone)', () => {
  it('Asia/Shanghai (+8): today is Shanghai midnight to the next one, also when UTC is still on the day before', () => {
    // 2026-03-09 20:00 UTC is already 2026-03-10 04:00 in Shanghai
    expect(localDaysRange('Asia/Shanghai', at('2026-03-09T20:00:00Z'), { days: 1 })).toEqual({
      from: at('2026-03-09T16:00:00Z'),
      to: at('2026-03-10T16:00:00Z'),
    });
    expect(zoneOffset('Asia/Shanghai', at('2026-03-09T20:00:00Z'))).toBe(8 * H);
  });

  it('America/St_Johns (−3:30): local midnight is 03:30 UTC in winter, 02:30 UTC in summer', () => {
    expect(startOfLocalDay('America/St_Johns', { year: 2026, month: 1, day: 15 })).toBe(at('2026-01-15T03:30:00Z'));
    expect(startOfLocalDay('America/St_Johns', { year: 2026, month: 7, day: 15 })).toBe(at('2026-07-15T02:30:00Z'));
    // 02:00 UTC on 15 January is still 14 January there
    expect(localDate('America/St_Johns', at('2026-01-15T02:00:00Z'))).toEqual({ year: 2026, month: 1, day: 14 });
  });

  it('Asia/Kathmandu (+5:45): the last 7 days end at the coming local midnight', () => {
    expect(localDaysRange('Asia/Kathmandu', at('2026-06-01T12:00:00Z'), { days: 7 })).toEqual({
      from: at('2026-05-25T18:15:00Z'),
      to: at('2026-06-01T18:15:00Z'),
    });
  });

  it('Europe/Berlin on its DST days: 29 March 2026 lasts 23 hours, 25 October 2026 lasts 25', () => {
    const spring = localDaysRange('Europe/Berlin', at('2026-03-29T12:00:00Z'), { days: 1 });
    expect(spring).toEqual({ from: at('2026-03-28T23:00:00Z'), to: at('2026-03-29T22:00:00Z') });
    expect(spring.to - spring.from).toBe(23 * H);
    const autumn = localDaysRange('Europe/Berlin', at('2026-10-25T12:00:00Z'), {
      from: { year: 2026, month: 10, day: 25 },
      to: { year: 2026, month: 10, day: 25 },
    });
    expect(autumn).toEqual({ from: at('2026-10-24T22:00:00Z'), to: at('2026-10-25T23:00:00Z') });
    expect(autumn.to - autumn.from).toBe(25 * H);
  });

  it('America/Havana skips midnight on its spring DST day: the day begins at 01:00 local', () => {
    // Cuba moves clocks from 00:00 to 01:00 (UTC−5 to UTC−4) on 8 March 2026
    expect(startOfLocalDay('America/Havana', { year: 2026, month: 3, day: 8 })).toBe(at('2026-03-08T05:00:00Z'));
    expect(startOfLocalDay('America/Havana', { year: 2026, month: 3, day: 9 })).toBe(at('2026-03-09T04:00:00Z'));
  });
});

describe("the dashboard's filters", () => {
  const sites = [
    { siteId: 'shanghai', pointId: 'sh-desk', timeZone: 'Asia/Shanghai' },
    { siteId: 'moscow', pointId: 'mo-desk', timeZone: 'Europe/Moscow' },
  ];

  it("count a site's days in its zone, and say so when the sites covered lie in different zones", () => {
    expect(zoneOf({ siteId: 'shanghai', pointId: '' }, sites)).toEqual({ timeZone: 'Asia/Shanghai', mixedZones: false });
    expect(zoneOf({ siteId: '', pointId: 'mo-desk' }, sites)).toEqual({ timeZone: 'Europe/Moscow', mixedZones: false });
    expect(zoneOf({ siteId: '', pointId: '' }, sites)).toEqual({ timeZone: 'UTC', mixedZones: true });
    expect(zoneOf({ siteId: '', pointId: '' }, [sites[0]!])).toEqual({ timeZone: 'Asia/Shanghai', mixedZones: false });
  });

  it('a custom range covers whole local days, both ends included', () => {
    const f = { period: 'custom' as const, fromDate: '2026-03-01', toDate: '2026-03-02', timeZone: 'Asia/Shanghai' };
    expect(periodRange(f, at('2026-03-10T00:00:00Z'))).toEqual({ from: at('2026-02-28T16:00:00Z'), to: at('2026-03-02T16:00:00Z') });
    // reversed dates mean today
    expect(periodRange({ ...f, fromDate: '2026-03-02', toDate: '2026-03-01' }, at('2026-03-10T00:00:00Z'))).toEqual({
      from: at('2026-03-09T16:00:00Z'),
      to: at('2026-03-10T16:00:00Z'),
    });
  });
});
