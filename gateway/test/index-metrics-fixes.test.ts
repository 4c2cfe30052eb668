import type { Scale } from '../src/core/scale.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { storeFixture, type StoreFixture } from './helpers/store-fixture.ts';
import type { SurveyConfig } from '../src/platform/config/schema.ts';

// Issue 23: differences between the indices and METRICS.md, each with expected values computed by hand.
const BERLIN = { id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' };
let f: StoreFixture | undefined;
afterEach(() => {
  f?.close();
  f = undefined;
});
const iso = (s: string) => Date.parse(s);

describe('CSI over a survey that mixes scales', () => {
  it('normalises a 1–5 and a 1–7 attribute each by its own scale, importance first in the rows', async () => {
    const survey: SurveyConfig = {
      id: 'visit',
      name: 'Visit',
      idle: { afterSeconds: 30, partial: 'submit' },
      questions: [
        { id: 'speed-imp', number: 1, scale: 'importance7', label: 'How important is speed', importanceOf: 'speed' },
        { id: 'speed', number: 2, scale: 'csi5', label: 'Speed' },
        { id: 'polite', number: 3, scale: 'csi7', label: 'Politeness' },
      ],
    };
    f = storeFixture({ sites: [BERLIN], points: [{ id: 'desk', siteId: 'berlin' }], surveys: [survey] });
    const q = (questionId: string, scale: Scale, value: number) => ({ surveyId: 'visit', questionId, scale, value });
    await f.write([q('speed-imp', 'importance7', 7), q('speed', 'csi5', 4), q('polite', 'csi7', 7)]);
    // speed (4−1)/(5−1) = 0.75; polite (7−1)/(7−1) = 1; importance only for speed → equal weights: 100·(0.75+1)/2 = 87.5
    const r = await f.indices.compute({ index: 'csi', surveyId: 'visit', from: 0, to: Date.now() });
    expect(r.value).toBeCloseTo(87.5, 10);
    expect(r.n).toBe(2);
  });
});

const KOLKATA = { id: 'pune', name: 'Pune', timeZone: 'Asia/Kolkata' }; // UTC+5:30
const KATHMANDU = { id: 'ktm', name: 'Kathmandu', timeZone: 'Asia/Kathmandu' }; // UTC+5:45
const NEW_YORK = { id: 'nyc', name: 'New York', timeZone: 'America/New_York' };

describe('hours in a half-hour zone', () => {
  it('puts each answer in its local hour of day and hour of week (UTC+5:30 and UTC+5:45)', async () => {
    f = storeFixture({
      sites: [KOLKATA, KATHMANDU],
      points: [
        { id: 'pune-desk', siteId: 'pune' },
        { id: 'ktm-desk', siteId: 'ktm' },
      ],
    });
    await f.write([
      // Wednesday 3 June 2026, Pune: 10:10 and 10:50 local are 04:40 and 05:20 UTC: both in local hour 10
      { pointId: 'pune-desk', value: 3, occurredAt: iso('2026-06-03T10:10:00+05:30') },
      { pointId: 'pune-desk', value: 0, occurredAt: iso('2026-06-03T10:50:00+05:30') },
      { pointId: 'pune-desk', value: 3, occurredAt: iso('2026-06-03T11:29:00+05:30') },
      // Kathmandu: 10:05 local is 04:20 UTC, 09:55 local is 04:10 UTC (same UTC hour, different local hours)
      { pointId: 'ktm-desk', value: 3, occurredAt: iso('2026-06-03T10:05:00+05:45') },
      { pointId: 'ktm-desk', value: 3, occurredAt: iso('2026-06-03T09:55:00+05:45') },
    ]);
    const range = { from: iso('2026-06-01T00:00:00Z'), to: iso('2026-06-08T00:00:00Z') };
    const pune = await f.indices.breakdown({ index: 'happy', siteId: 'pune', ...range }, 'hourOfDay');
    expect(pune.map((g) => [g.group, g.result.n])).toEqual([
      ['10', 2],
      ['11', 1],
    ]);
    expect(pune[0]!.result.value).toBeCloseTo(50, 10); // (100 + 0) / 2
    const ktm = await f.indices.breakdown({ index: 'happy', siteId: 'ktm', ...range }, 'hourOfWeek');
    expect(ktm.map((g) => [g.group, g.result.n])).toEqual([
      ['309', 1],
      ['310', 1],
    ]);
    // both sites together: each answer in its own site's local hour
    const both = await f.indices.breakdown({ index: 'happy', ...range }, 'hourOfDay');
    expect(both.map((g) => [g.group, g.result.n])).toEqual([
      ['9', 1],
      ['10', 3],
      ['11', 1],
    ]);
  });

  it('an hour trend of one half-hour zone has local hours (from :30 UTC), and says so; across zones whole UTC hours', async () => {
    f = storeFixture({
      sites: [KOLKATA, NEW_YORK],
      points: [
        { id: 'pune-desk', siteId: 'pune' },
        { id: 'nyc-desk', siteId: 'nyc' },
      ],
    });
    await f.write([
      { pointId: 'pune-desk', value: 3, occurredAt: iso('2026-06-03T10:10:00+05:30') },
      { pointId: 'pune-desk', value: 0, occurredAt: iso('2026-06-03T10:50:00+05:30') },
      { pointId: 'nyc-desk', value: 3, occurredAt: iso('2026-06-03T00:50:00-04:00') }, // 04:50 UTC
    ]);
    const from = iso('2026-06-03T09:00:00+05:30');
    const to = iso('2026-06-03T12:00:00+05:30');
    const local = await f.indices.trendOf({ index: 'happy', siteId: 'pune', from, to }, 'hour');
    expect(local.buckets).toBe('local');
    expect(local.points.map((p) => [new Date(p.start).toISOString(), p.result.n])).toEqual([
      ['2026-06-03T03:30:00.000Z', 0],
      ['2026-06-03T04:30:00.000Z', 2],
      ['2026-06-03T05:30:00.000Z', 0],
    ]);
    const utc = await f.indices.trendOf({ index: 'happy', from, to }, 'hour');
    expect(utc.buckets).toBe('utc');
    // whole UTC hours inside 03:30–06:30 UTC: 04:00 (10:10 Pune, 00:50 New York) and 05:00 (10:50 Pune)
    expect(utc.points.map((p) => [new Date(p.start).toISOString(), p.result.n])).toEqual([
      ['2026-06-03T04:00:00.000Z', 2],
      ['2026-06-03T05:00:00.000Z', 1],
    ]);
  });
});

describe('day and week trends', () => {
  it('a week trend over a range with no whole week is an empty series, as a day trend with no whole day', async () => {
    f = storeFixture({ sites: [BERLIN], points: [{ id: 'desk', siteId: 'berlin' }] });
    await f.write([{ value: 3, occurredAt: iso('2026-06-03T12:00:00+02:00') }]);
    // Tuesday 2 June to Sunday 7 June: no whole ISO week
    const week = {
      index: 'happy' as const,
      siteId: 'berlin',
      from: iso('2026-06-02T00:00:00+02:00'),
      to: iso('2026-06-07T00:00:00+02:00'),
    };
    expect(await f.indices.trend(week, 'week')).toEqual([]);
    const day = { index: 'happy' as const, siteId: 'berlin', from: iso('2026-06-03T01:00:00+02:00'), to: iso('2026-06-03T23:00:00+02:00') };
    expect(await f.indices.trend(day, 'day')).toEqual([]);
  });

  it('across sites in different zones: each site its own local days, labelled by local date; a device filter works', async () => {
    f = storeFixture({
      sites: [BERLIN, NEW_YORK],
      points: [
        { id: 'b-desk', siteId: 'berlin' },
        { id: 'n-desk', siteId: 'nyc' },
      ],
    });
    await f.write([
      { pointId: 'b-desk', value: 3, occurredAt: iso('2026-06-01T23:30:00+02:00') }, // Berlin 1 June (21:30 UTC)
      { pointId: 'n-desk', value: 0, occurredAt: iso('2026-06-01T21:00:00-04:00') }, // New York 1 June (2 June 01:00 UTC)
      { pointId: 'n-desk', value: 3, occurredAt: iso('2026-06-02T01:00:00-04:00') }, // New York 2 June (05:00 UTC)
    ]);
    // 31 May 22:00 UTC to 3 June 04:00 UTC: Berlin's whole days 1 and 2 June, New York's whole days 1 June
    // (04:00 UTC to 2 June 04:00 UTC) and 2 June (to 3 June 04:00 UTC)
    const range = { from: iso('2026-05-31T22:00:00Z'), to: iso('2026-06-03T04:00:00Z') };
    const days = await f.indices.trendOf({ index: 'happy', ...range }, 'day');
    expect(days.buckets).toBe('local');
    expect(days.points.map((p) => [p.date, p.result.n, p.result.value])).toEqual([
      ['2026-06-01', 2, 50],
      ['2026-06-02', 1, 100],
    ]);
    // 1 June spans Berlin's midnight (31 May 22:00 UTC) to New York's (2 June 04:00 UTC)
    expect([days.points[0]!.start, days.points[0]!.end]).toEqual([iso('2026-05-31T22:00:00Z'), iso('2026-06-02T04:00:00Z')]);
    const device = await f.indices.trendOf({ index: 'happy', deviceId: 'dev-n-desk', ...range }, 'day');
    expect(device.points.map((p) => [p.date, p.result.n])).toEqual([
      ['2026-06-01', 1],
      ['2026-06-02', 1],
    ]);
    const weeks = await f.indices.trendOf(
      { index: 'happy', deviceId: 'dev-n-desk', from: iso('2026-06-01T00:00:00Z'), to: iso('2026-06-09T00:00:00Z') },
      'week',
    );
    // New York's week of Monday 1 June runs 1 June 04:00 UTC to 8 June 04:00 UTC: both its answers
    expect(weeks.points.map((p) => [p.date, p.result.n])).toEqual([['2026-06-01', 2]]);
  });
});

describe('local hour buckets on DST days and in a +5:45 zone', () => {
  it('a 23-hour Berlin day has 23 one-hour buckets; Kathmandu hours begin at :15 UTC', async () => {
    f = storeFixture({
      sites: [BERLIN, KATHMANDU],
      points: [
        { id: 'b-desk', siteId: 'berlin' },
        { id: 'ktm-desk', siteId: 'ktm' },
      ],
    });
    await f.write([
      { pointId: 'b-desk', value: 3, occurredAt: iso('2026-03-29T03:30:00+02:00') }, // 01:30 UTC, the hour after the change
      { pointId: 'ktm-desk', value: 3, occurredAt: iso('2026-06-03T10:05:00+05:45') }, // 04:20 UTC
    ]);
    const berlin = await f.indices.trendOf(
      { index: 'happy', siteId: 'berlin', from: iso('2026-03-29T00:00:00+01:00'), to: iso('2026-03-30T00:00:00+02:00') },
      'hour',
    );
    expect(berlin.points).toHaveLength(23);
    expect(berlin.points.every((p) => p.end - p.start === 3_600_000)).toBe(true);
    expect(berlin.points.filter((p) => p.result.n > 0).map((p) => new Date(p.start).toISOString())).toEqual(['2026-03-29T01:00:00.000Z']);
    const ktm = await f.indices.trendOf(
      { index: 'happy', siteId: 'ktm', from: iso('2026-06-03T09:00:00+05:45'), to: iso('2026-06-03T11:00:00+05:45') },
      'hour',
    );
    expect(ktm.points.map((p) => [new Date(p.start).toISOString(), p.result.n])).toEqual([
      ['2026-06-03T03:15:00.000Z', 0],
      ['2026-06-03T04:15:00.000Z', 1],
    ]);
  });
});
