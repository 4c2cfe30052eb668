import { afterEach, describe, expect, it } from 'vitest';
import { storeFixture, type StoreFixture } from './helpers/store-fixture.ts';
import { Ingest } from '../src/modules/ingest/ingest.ts';
import { MisuseRules } from '../src/modules/ingest/misuse.ts';
import { DeviceHistory } from '../src/modules/ingest/device-history-repo.ts';
import { DeviceRegistry } from '../src/modules/devices/device-registry.ts';
import { DeviceRepo } from '../src/modules/devices/device-repo.ts';
import { validateConfig } from '../src/platform/config/load.ts';
import { rebuildRollups } from '../src/platform/rollups/rebuild.ts';
import { RESPONSE_ROLLUP_TABLES } from '../src/platform/rollups/response-levels.ts';
import type { Db } from '../src/platform/store/db.ts';

/** Berlin 11:59:30 local (09:59:30 UTC): a run of four answers 15 s apart crosses the minute and the hour. */
const BOOT = Date.UTC(2026, 5, 1, 9, 0);
const START_UPTIME = 59 * 60_000 + 30_000;
const T0 = BOOT + START_UPTIME;
const SURVEY = {
  id: 'exit',
  name: 'Exit',
  questions: [
    { id: 'wait', number: 1, scale: 'smiley4' as const, label: 'Wait?' },
    { id: 'staff', number: 2, scale: 'csat5' as const, label: 'Staff?' },
    { id: 'clean', number: 3, scale: 'csat5' as const, label: 'Clean?' },
    { id: 'recommend', number: 4, scale: 'nps11' as const, label: 'Recommend?' },
  ],
};
const config = validateConfig({
  sites: [{ id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' }],
  points: [{ id: 'desk', siteId: 'berlin', name: 'Desk' }],
  devices: [
    { id: 'dev-desk', pointId: 'desk', buttons: 4, responseIntervalMs: 5000 },
    { id: 'term', pointId: 'desk', buttons: 4, responseIntervalMs: 5000, surveyId: 'exit' },
  ],
  surveys: [SURVEY],
});

let fixtures: StoreFixture[] = [];
afterEach(() => {
  for (const f of fixtures) f.close();
  fixtures = [];
});

/** A store and the real ingest over it; `reload()` is a fresh ingest on the same store (a gateway restart, a kiosk reload). */
function setUp(staffAt: (pointId: string, ms: number) => string | null = () => null) {
  const f = storeFixture({ sites: config.sites, points: [{ id: 'desk', siteId: 'berlin' }] });
  fixtures.push(f);
  const make = () => {
    const registry = new DeviceRegistry(new DeviceRepo(f.db), 60_000);
    registry.load(config);
    const history = new DeviceHistory(f.db);
    return new Ingest({
      writer: f.writer,
      registry,
      misuse: new MisuseRules((deviceId) => history.lastCounted(deviceId)),
      storedSeqs: (deviceId, boot) => history.storedSeqs(deviceId, boot),
      staffAt,
      surveys: config.surveys,
      refused: () => {},
    });
  };
  let ingest = make();
  return {
    db: f.db,
    reload: () => (ingest = make()),
    /** one terminal answer of run `run` (seq = run + question − 1), given 15 s after the previous question */
    answer: (run: number, question: number, value: number | null, delayMs = 0) => {
      const uptimeMs = START_UPTIME + (run - 1) * 600_000 + (question - 1) * 15_000;
      return ingest.acceptAnswer({
        deviceId: 'term',
        boot: 1,
        seq: run + question - 1,
        questionNumber: question,
        value,
        uptimeMs,
        receivedAt: BOOT + uptimeMs + delayMs,
        source: 'kiosk',
        run,
      });
    },
    press: (seq: number, button: number, uptimeMs: number) =>
      ingest.acceptPress({ deviceId: 'dev-desk', boot: 1, seq, button, uptimeMs, receivedAt: BOOT + uptimeMs, source: 'mqtt' }),
  };
}

type Setup = ReturnType<typeof setUp>;

/** Every responses row and response rollup row, in a stable order. */
function snapshot(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = { responses: db.prepare('SELECT * FROM responses ORDER BY key').all() };
  for (const t of RESPONSE_ROLLUP_TABLES) out[t.name] = db.prepare(`SELECT * FROM ${t.name} ORDER BY ${t.columns.join(', ')}`).all();
  return out;
}

/** A run of four low answers (smiley 0, csat 1, csat 2, nps 3): one negative response. */
const LOW: [number, number][] = [
  [1, 0],
  [2, 1],
  [3, 2],
  [4, 3],
];

const minute = Math.floor(T0 / 60_000);
const hour = Math.floor(T0 / 3_600_000);
const negative = { responses: 1, negative: 1, positive: 0, misuse: 0 };

async function inOrder(s: Setup, answers: [number, number | null][], run = 1): Promise<void> {
  for (const [q, v] of answers) await s.answer(run, q, v);
}

describe('responses kept by the writer as answers arrive', () => {
  it('counts a kiosk run of four low answers as one negative response, where it began (not at the minute or hour it crossed)', async () => {
    const s = setUp();
    await inOrder(s, LOW);
    const snap = snapshot(s.db);
    expect(snap.responses).toEqual([
      {
        key: 'term/1/r1',
        site_id: 'berlin',
        point_id: 'desk',
        device_id: 'term',
        staff_id: null,
        survey_id: 'exit',
        source: 'kiosk',
        occurred_at: T0,
        counted: 1,
        polarity: -1,
        misuse: 0,
        questions: 'clean,recommend,staff,wait',
        staff: JSON.stringify([['', 1, ['clean', 'recommend', 'staff', 'wait']]]),
      },
    ]);
    const rows = (bucket: number) =>
      ['', 'clean', 'recommend', 'staff', 'wait'].map((question_id) => ({
        point_id: 'desk',
        bucket,
        device_id: 'term',
        survey_id: 'exit',
        question_id,
        ...negative,
      }));
    expect(snap.response_rollup_minute).toEqual(rows(minute));
    expect(snap.response_rollup_hour).toEqual(rows(hour));
    expect(snap.response_rollup_day).toEqual(rows(20260601));
    // no one on shift: the staff rollups hold the same response under staff ''
    expect(snap.response_staff_rollup_minute).toEqual(rows(minute).map((r) => ({ ...r, staff_id: '' })));
    expect(snap.response_rollup_point_month).toEqual(
      ['', 'clean', 'recommend', 'staff', 'wait'].map((question_id) => ({
        point_id: 'desk',
        bucket: 202606,
        survey_id: 'exit',
        question_id,
        ...negative,
      })),
    );
    expect(s.db.prepare('SELECT DISTINCT response_key FROM answers').pluck().all()).toEqual(['term/1/r1']);
    expect(s.db.prepare('SELECT question_id FROM answers WHERE headline = 1').pluck().all()).toEqual(['wait']);
  });

  it('gives the same rows whatever the order, batching, retransmission or a reload part-way', async () => {
    const reference = setUp();
    await inOrder(reference, LOW);
    const expected = snapshot(reference.db);

    const reversed = setUp();
    await inOrder(reversed, [...LOW].reverse());
    expect(snapshot(reversed.db)).toEqual(expected);

    const batches = setUp(); // two group commits, the later one holding the run's first answer
    await Promise.all([batches.answer(1, 3, 2), batches.answer(1, 4, 3)]);
    await Promise.all([batches.answer(1, 2, 1), batches.answer(1, 1, 0)]);
    expect(snapshot(batches.db)).toEqual(expected);

    const resent = setUp(); // the offline queue sends everything twice, the second time an hour late
    await inOrder(resent, LOW);
    for (const [q, v] of LOW) expect((await resent.answer(1, q, v, 3_600_000)).outcome).toBe('duplicate');
    expect(snapshot(resent.db)).toEqual(expected);

    const reloaded = setUp(); // two answers, a reload, the rest of the same run in a later batch
    await inOrder(reloaded, LOW.slice(0, 2));
    reloaded.reload();
    await Promise.all(LOW.slice(2).map(([q, v]) => reloaded.answer(1, q, v)));
    expect(snapshot(reloaded.db)).toEqual(expected);

    rebuildRollups(reloaded.db);
    expect(snapshot(reloaded.db)).toEqual(expected);
  });

  it('moves a response to the bucket of an earlier answer that arrives later', async () => {
    const s = setUp();
    await inOrder(s, [
      [3, 2],
      [4, 3],
    ]);
    // without its first two answers the run began at question 3 (10:00:00 UTC), in the next minute and hour, and is not negative
    expect(snapshot(s.db).response_rollup_hour).toContainEqual(
      expect.objectContaining({ bucket: hour + 1, question_id: '', responses: 1 }),
    );
    await inOrder(s, [
      [2, 1],
      [1, 0],
    ]);
    const snap = snapshot(s.db);
    expect(snap.response_rollup_hour).toHaveLength(5);
    expect(snap.response_rollup_hour).toContainEqual(expect.objectContaining({ bucket: hour, question_id: '', ...negative }));
    expect(snap.response_rollup_minute!.every((r) => (r as { bucket: number }).bucket === minute)).toBe(true);
  });

  it('counts a misuse press as misuse only, and a counted press as its own response', async () => {
    const s = setUp();
    await s.press(1, 3, 1_000);
    await s.press(2, 0, 2_000); // within the 5 s response interval: misuse
    const snap = snapshot(s.db);
    expect(snap.responses).toEqual([
      expect.objectContaining({ key: 'dev-desk/1/1', counted: 1, polarity: 1, misuse: 0, questions: '' }),
      expect.objectContaining({ key: 'dev-desk/1/2', counted: 0, polarity: 0, misuse: 1, questions: '' }),
    ]);
    expect(snap.response_rollup_point_day).toEqual([
      { point_id: 'desk', bucket: 20260601, survey_id: '', question_id: '', responses: 1, negative: 0, positive: 1, misuse: 1 },
    ]);
  });

  it('counts a run with a skipped headline as neither, and a run of only skipped answers as no response', async () => {
    const s = setUp();
    await inOrder(s, [
      [1, null],
      [2, 5],
    ]);
    await inOrder(
      s,
      [
        [1, null],
        [2, null],
        [3, null],
      ],
      11,
    );
    const snap = snapshot(s.db);
    expect(snap.responses).toEqual([
      expect.objectContaining({ key: 'term/1/r1', counted: 1, polarity: 0, misuse: 0, questions: 'staff' }),
      expect.objectContaining({ key: 'term/1/r11', counted: 0, polarity: 0, misuse: 0, questions: '' }),
    ]);
    expect(snap.response_rollup_point_day).toEqual([
      { point_id: 'desk', bucket: 20260601, survey_id: 'exit', question_id: '', responses: 1, negative: 0, positive: 0, misuse: 0 },
      { point_id: 'desk', bucket: 20260601, survey_id: 'exit', question_id: 'staff', responses: 1, negative: 0, positive: 0, misuse: 0 },
    ]);
    rebuildRollups(s.db);
    expect(snapshot(s.db)).toEqual(snap);
  });

  it('counts a run that crosses a shift change for those on shift at its counted answers, not at a skipped one', async () => {
    // anna on shift until 09:59:50 UTC, ben from then: questions 1 (09:59:30) and 2 (09:59:45) on anna's shift,
    // 3 (10:00:00) and 4 (10:00:15) on ben's
    const change = T0 + 20_000;
    const s = setUp((_, ms) => (ms < change ? 'anna' : 'ben'));
    await inOrder(s, [
      [1, null], // skipped headline on anna's shift
      [2, null], // skipped on anna's shift
      [3, 2],
      [4, 3],
    ]);
    // one response, begun at T0 (minute `minute`), neither negative nor positive; anna was on shift at its first answer
    const snap = snapshot(s.db);
    expect(snap.responses).toEqual([
      expect.objectContaining({ staff_id: 'anna', counted: 1, polarity: 0, staff: JSON.stringify([['ben', 1, ['clean', 'recommend']]]) }),
    ]);
    const row = (question_id: string) => ({ point_id: 'desk', bucket: minute, device_id: 'term', survey_id: 'exit', question_id });
    const once = { responses: 1, negative: 0, positive: 0, misuse: 0 };
    expect(snap.response_staff_rollup_minute).toEqual([
      { ...row(''), staff_id: 'ben', ...once },
      { ...row('clean'), staff_id: 'ben', ...once },
      { ...row('recommend'), staff_id: 'ben', ...once },
    ]);
    expect(snap.response_rollup_minute).toEqual([
      { ...row(''), ...once },
      { ...row('clean'), ...once },
      { ...row('recommend'), ...once },
    ]);
    rebuildRollups(s.db);
    expect(snapshot(s.db)).toEqual(snap);

    // the same run with its headline answered (0: negative) on anna's shift belongs to both, once each
    const both = setUp((_, ms) => (ms < change ? 'anna' : 'ben'));
    await inOrder(both, [
      [1, 0],
      [2, null],
      [3, 2],
      [4, 3],
    ]);
    const negativeOnce = { responses: 1, negative: 1, positive: 0, misuse: 0 };
    const bothSnap = snapshot(both.db);
    expect(bothSnap.response_staff_rollup_minute).toEqual([
      { ...row(''), staff_id: 'anna', ...negativeOnce },
      { ...row('wait'), staff_id: 'anna', ...negativeOnce },
      { ...row(''), staff_id: 'ben', ...negativeOnce },
      { ...row('clean'), staff_id: 'ben', ...negativeOnce },
      { ...row('recommend'), staff_id: 'ben', ...negativeOnce },
    ]);
    expect(bothSnap.response_rollup_minute).toContainEqual({ ...row(''), ...negativeOnce });
    rebuildRollups(both.db);
    expect(snapshot(both.db)).toEqual(bothSnap);
  });
});
