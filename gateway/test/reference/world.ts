/**
 * fast-check arbitraries of a fed world: one or two sites in zones with half- and quarter-hour
 * offsets and DST changes, points with a button (3–5 buttons, with or without a misuse interval) and
 * sometimes a kiosk, presses in bursts (so some are misuse) and retransmitted, kiosk runs with skipped
 * answers, overlapping customers-served periods, staff shifts; and random filters and ranges over a
 * window of days around a DST change.
 */
import fc from 'fast-check';
import type { Fed, FedWorld } from './feed-gateway.ts';
import type { RawSurvey } from './rows.ts';
import { instantOfLocal, localDayStart, localHourStart } from './local-time.ts';

export const ZONES = ['Asia/Kolkata', 'Asia/Kathmandu', 'Europe/Berlin', 'America/St_Johns', 'UTC'] as const;
/** Days the window is centred on: Berlin's and St John's DST changes, and a plain day. */
export const ANCHORS = ['2026-03-29', '2026-10-25', '2026-03-08', '2026-11-01', '2026-06-15'] as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const SURVEYS: RawSurvey[] = [
  {
    id: 'visit',
    questions: [
      { id: 'recommend', number: 1, scale: 'nps11' },
      { id: 'satisfied', number: 2, scale: 'csat5' },
      { id: 'effort', number: 3, scale: 'ces7' },
      { id: 'smile', number: 4, scale: 'smiley5' },
    ],
  },
  {
    id: 'attributes',
    questions: [
      { id: 'speed', number: 1, scale: 'csi5' },
      { id: 'politeness', number: 2, scale: 'csi7' },
      { id: 'overall', number: 3, scale: 'csat5' },
    ],
  },
];

export interface Scenario {
  world: FedWorld;
  messages: Fed[];
  window: { from: number; to: number };
}

const pointArb = fc.record({
  buttons: fc.integer({ min: 3, max: 5 }),
  interval: fc.constantFrom(0, 5000),
  kiosk: fc.constantFrom(undefined, 'visit', 'attributes'),
  presses: fc.array(
    fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), button: fc.nat(4), burst: fc.nat(3), resent: fc.boolean() }),
    {
      maxLength: 15,
    },
  ),
  runs: fc.array(
    fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), values: fc.array(fc.option(fc.nat(10)), { minLength: 1, maxLength: 4 }) }),
    {
      maxLength: 8,
    },
  ),
  customers: fc.array(
    fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), minutes: fc.constantFrom(15, 60, 90, 180), count: fc.nat(200) }),
    {
      maxLength: 6,
    },
  ),
  shifts: fc.array(
    fc.record({
      staff: fc.constantFrom('anna', 'boris'),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      hours: fc.integer({ min: 1, max: 9 }),
    }),
    {
      maxLength: 2,
    },
  ),
});

export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    zones: fc.uniqueArray(fc.constantFrom(...ZONES), { minLength: 1, maxLength: 2 }),
    anchor: fc.constantFrom(...ANCHORS),
    points: fc.array(pointArb, { minLength: 2, maxLength: 4 }),
    minN: fc.constantFrom(1, 5, 30),
  })
  .map(({ zones, anchor, points, minN }) => {
    const [y, m, d] = anchor.split('-').map(Number) as [number, number, number];
    const centre = instantOfLocal(zones[0]!, y, m, d);
    const window = { from: centre - 2 * DAY, to: centre + 3 * DAY };
    const span = window.to - window.from - 10 * 60_000;
    const place = (u: number) => window.from + Math.floor(u * span);
    const world: FedWorld = {
      sites: [],
      points: [],
      devices: [],
      surveys: SURVEYS,
      customers: [],
      shifts: [],
      staff: ['anna', 'boris'],
      minN,
    };
    zones.forEach((timeZone, i) => world.sites.push({ id: `site-${i}`, timeZone }));
    const messages: Fed[] = [];
    points.forEach((p, i) => {
      const pointId = `point-${i}`;
      world.points.push({ id: pointId, siteId: `site-${i % zones.length}` });
      world.devices.push({ id: `btn-${i}`, pointId, buttons: p.buttons, responseIntervalMs: p.interval });
      let seq = 0;
      for (const press of p.presses) {
        const at = place(press.at);
        for (let b = 0; b <= press.burst; b++) {
          const m: Fed = { kind: 'press', deviceId: `btn-${i}`, boot: 1, seq: ++seq, button: press.button % p.buttons, at: at + b * 1500 };
          messages.push(m);
          if (press.resent) messages.push({ ...m, resentAfterMs: 30_000 });
        }
      }
      if (p.kiosk) {
        const survey = SURVEYS.find((s) => s.id === p.kiosk)!;
        world.devices.push({ id: `kiosk-${i}`, pointId, buttons: 4, responseIntervalMs: p.interval, surveyId: survey.id });
        let kseq = 0;
        for (const run of p.runs) {
          const at = place(run.at);
          const first = kseq + 1;
          run.values.slice(0, survey.questions.length).forEach((v, q) => {
            const question = survey.questions[q]!;
            const range =
              question.scale === 'nps11' ? [0, 10] : question.scale.startsWith('smiley') ? [0, 4] : [1, Number(question.scale.at(-1))];
            const value = v === null ? null : range[0]! + (v % (range[1]! - range[0]! + 1));
            messages.push({
              kind: 'answer',
              deviceId: `kiosk-${i}`,
              boot: 1,
              seq: ++kseq,
              run: first,
              question: question.number,
              value,
              at: at + q * 7000,
            });
          });
        }
      }
      for (const c of p.customers) {
        const from = Math.floor(place(c.at) / (15 * 60_000)) * 15 * 60_000;
        world.customers.push({ pointId, from, to: from + c.minutes * 60_000, count: c.count });
      }
      for (const s of p.shifts) {
        const from = place(s.at);
        world.shifts.push({ staffId: s.staff, pointId, from, to: from + s.hours * HOUR });
      }
    });
    messages.sort((a, b) => a.at + (a.resentAfterMs ?? 0) - (b.at + (b.resentAfterMs ?? 0)));
    return { world, messages, window };
  });

export interface Query {
  filter: Record<string, string>;
  from: number;
  to: number;
}

/** A range inside the window: whole minutes, or the site's local hours, or its local days; and a filter over what the world has. */
export const queryArb = (s: Scenario): fc.Arbitrary<Query> =>
  fc
    .record({
      a: fc.double({ min: 0, max: 1, noNaN: true }),
      b: fc.double({ min: 0, max: 1, noNaN: true }),
      snap: fc.constantFrom('minute', 'hour', 'day'),
      filter: fc.constantFrom('none', 'site', 'point', 'device', 'staff', 'survey', 'question'),
      pick: fc.nat(),
    })
    .map(({ a, b, snap, filter, pick }) => {
      const zone = s.world.sites[pick % s.world.sites.length]!.timeZone;
      const at = (u: number) => {
        const ms = s.window.from + Math.floor(u * (s.window.to - s.window.from));
        return snap === 'day' ? localDayStart(ms, zone) : snap === 'hour' ? localHourStart(ms, zone) : Math.floor(ms / 60_000) * 60_000;
      };
      const from = at(Math.min(a, b));
      let to = at(Math.max(a, b));
      if (to <= from) to = from + (snap === 'day' ? DAY : HOUR);
      const of = <T>(xs: T[]): T => xs[pick % xs.length]!;
      const f: Record<string, string> = {};
      if (filter === 'site') f.siteId = of(s.world.sites).id;
      if (filter === 'point') f.pointId = of(s.world.points).id;
      if (filter === 'device') f.deviceId = of(s.world.devices).id;
      if (filter === 'staff') f.staffId = of(s.world.staff);
      if (filter === 'survey') f.surveyId = of(SURVEYS).id;
      if (filter === 'question') [f.surveyId, f.questionId] = ['visit', of(SURVEYS[0]!.questions).id];
      return { filter: f, from, to };
    });

/** The query string of a query. */
export function queryString(q: Query, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ ...q.filter, from: String(q.from), to: String(q.to), ...extra }).toString();
}
