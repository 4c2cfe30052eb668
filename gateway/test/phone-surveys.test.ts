import { afterEach, describe, expect, it } from 'vitest';
import { storeFixture, type StoreFixture } from './helpers/store-fixture.ts';
import {
  PhoneSurveys,
  STANDING_ADDRESS_WINDOW_MS,
  STANDING_PER_ADDRESS,
  STANDING_PER_MINUTE,
  STANDING_RESPONSE_INTERVAL_MS,
} from '../src/modules/surveys/phone-surveys.ts';
import { SurveyCodeRepo } from '../src/modules/surveys/survey-code-repo.ts';
import { Ingest } from '../src/modules/ingest/ingest.ts';
import { MisuseRules } from '../src/modules/ingest/misuse.ts';
import { DeviceHistory } from '../src/modules/ingest/device-history-repo.ts';
import { DeviceRegistry } from '../src/modules/devices/device-registry.ts';
import { DeviceRepo } from '../src/modules/devices/device-repo.ts';
import { LossRepo } from '../src/modules/ingest/loss-repo.ts';

const SURVEY = {
  id: 'exit',
  name: 'Exit',
  questions: [{ id: 'recommend', number: 1, scale: 'nps11' as const, label: 'Recommend?' }],
  idle: { afterSeconds: 30, partial: 'submit' as const },
};

let f: StoreFixture | undefined;
afterEach(() => {
  f?.close();
  f = undefined;
});

function setUp() {
  f = storeFixture({ sites: [{ id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' }], points: [{ id: 'desk', siteId: 'berlin' }] });
  let now = Date.UTC(2026, 10, 24, 10);
  const history = new DeviceHistory(f.db);
  const ingest = new Ingest({
    writer: f.writer,
    registry: new DeviceRegistry(new DeviceRepo(f.db), 60_000),
    misuse: new MisuseRules((deviceId) => history.lastCounted(deviceId)),
    storedSeqs: (deviceId, boot) => history.storedSeqs(deviceId, boot),
    staffAt: () => null,
    surveys: [SURVEY],
    refused: () => {},
  });
  const phone = new PhoneSurveys({
    codes: new SurveyCodeRepo(f.db),
    ingest,
    surveyOfPoint: () => SURVEY,
    siteOfPoint: () => 'berlin',
    losses: new LossRepo(f.db),
    now: () => now,
  });
  const db = f.db;
  /** [boot, seq, misuse] of the phone answers stored, in order */
  const stored = () =>
    (
      db.prepare("SELECT boot, seq, misuse FROM answers WHERE source = 'phone' ORDER BY occurred_at, boot, seq").all() as {
        boot: number;
        seq: number;
        misuse: number;
      }[]
    ).map((r) => [r.boot, r.seq, r.misuse === 1]);
  return { phone, stored, setNow: (ms: number) => (now = ms), now: () => now };
}

describe('phone survey codes under a fake clock', () => {
  it('lets a one-time code expire unused', async () => {
    const s = setUp();
    const { code } = s.phone.codes.issue({ pointId: 'desk', kind: 'once', expiresAt: s.now() + 30 * 60_000, by: 'queue', at: s.now() });
    s.setNow(s.now() + 30 * 60_000);
    expect(await s.phone.submit(code, [{ question: 1, value: 9 }])).toBe('expired');
    expect(await s.phone.submit(code.toLowerCase(), [{ question: 1, value: 9 }])).toBe('expired');
  });

  it("limits a standing code's submissions per point and minute, then takes them again", async () => {
    const s = setUp();
    const { code } = s.phone.codes.issue({ pointId: 'desk', kind: 'standing', expiresAt: null, by: 'admin', at: s.now() });
    for (let i = 0; i < STANDING_PER_MINUTE; i++)
      expect(typeof (await s.phone.submit(code, [{ question: 1, value: 9 }], `10.0.0.${i}`))).toBe('object');
    expect(await s.phone.submit(code, [{ question: 1, value: 9 }], '10.0.1.1')).toBe('rate');
    s.setNow(s.now() + 61_000);
    const next = await s.phone.submit(code, [{ question: 1, value: 9 }], '10.0.1.1');
    expect(typeof next === 'object' && next.answers[0]!.seq).toBe((STANDING_PER_MINUTE + 1) * 1000 + 1);
  });

  it("limits one address on a standing code without spending the point's quota or refusing other customers", async () => {
    const s = setUp();
    const { code } = s.phone.codes.issue({ pointId: 'desk', kind: 'standing', expiresAt: null, by: 'admin', at: s.now() });
    const from = (address: string) => s.phone.submit(code, [{ question: 1, value: 2 }], address);
    for (let i = 0; i < STANDING_PER_ADDRESS; i++) {
      expect(typeof (await from('192.0.2.66'))).toBe('object');
      s.setNow(s.now() + STANDING_RESPONSE_INTERVAL_MS + 1);
    }
    for (let i = 0; i < 20; i++) expect(await from('192.0.2.66')).toBe('rate');
    // the same minute, a real customer at another address is taken
    expect(typeof (await from('192.0.2.10'))).toBe('object');
    s.setNow(s.now() + STANDING_ADDRESS_WINDOW_MS);
    expect(typeof (await from('192.0.2.66'))).toBe('object');
  });

  it("holds a standing code's submissions to the misuse rule a terminal's runs have; one-time codes each count", async () => {
    const s = setUp();
    const standing = s.phone.codes.issue({ pointId: 'desk', kind: 'standing', expiresAt: null, by: 'admin', at: s.now() }).code;
    const first = s.now();
    await s.phone.submit(standing, [{ question: 1, value: 9 }], '10.0.0.1');
    s.setNow(first + 1000);
    await s.phone.submit(standing, [{ question: 1, value: 2 }], '10.0.0.2');
    s.setNow(first + STANDING_RESPONSE_INTERVAL_MS + 1000);
    await s.phone.submit(standing, [{ question: 1, value: 7 }], '10.0.0.3');
    const boot = (s.stored()[0] as number[])[0];
    expect(s.stored()).toEqual([
      [boot, 1001, false],
      [boot, 2001, true],
      [boot, 3001, false],
    ]);

    const once = () => s.phone.codes.issue({ pointId: 'desk', kind: 'once', expiresAt: s.now() + 60_000, by: 'queue', at: s.now() }).code;
    const [a, b] = [once(), once()];
    expect(typeof (await s.phone.submit(a, [{ question: 1, value: 9 }]))).toBe('object');
    expect(typeof (await s.phone.submit(b, [{ question: 1, value: 9 }]))).toBe('object');
    expect(
      s
        .stored()
        .slice(3)
        .map(([, , misuse]) => misuse),
    ).toEqual([false, false]);
  });

  it('refuses an answer that does not fit its question before a one-time code is spent', async () => {
    const s = setUp();
    const { code } = s.phone.codes.issue({ pointId: 'desk', kind: 'once', expiresAt: s.now() + 60_000, by: 'queue', at: s.now() });
    expect(await s.phone.submit(code, [{ question: 1, value: 11 }])).toBe('invalid');
    expect(await s.phone.submit(code, [{ question: 2, value: 1 }])).toBe('invalid');
    expect(typeof (await s.phone.submit(code, [{ question: 1, value: 10 }]))).toBe('object');
    expect(await s.phone.submit(code, [{ question: 1, value: 10 }])).toBe('used');
  });
});
