import { afterEach, describe, expect, it } from 'vitest';
import { storeFixture, type StoreFixture } from './helpers/store-fixture.ts';
import { PhoneSurveys, STANDING_PER_MINUTE } from '../src/modules/surveys/phone-surveys.ts';
import { SurveyCodeRepo } from '../src/modules/surveys/survey-code-repo.ts';

const SURVEY = { id: 'exit', name: 'Exit', questions: [{ id: 'recommend', number: 1, scale: 'nps11' as const, label: 'Recommend?' }], idle: { afterSeconds: 30, partial: 'submit' as const } };

let f: StoreFixture | undefined;
afterEach(() => {
  f?.close();
  f = undefined;
});

function setUp() {
  f = storeFixture({ sites: [{ id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' }], points: [{ id: 'desk', siteId: 'berlin' }] });
  let now = Date.UTC(2026, 10, 24, 10);
  const phone = new PhoneSurveys({ codes: new SurveyCodeRepo(f.db), writer: f.writer, surveyOfPoint: () => SURVEY, siteOfPoint: () => 'berlin', staffAt: () => null, now: () => now });
  return { phone, setNow: (ms: number) => (now = ms), now: () => now };
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
    for (let i = 0; i < STANDING_PER_MINUTE; i++) expect(typeof (await s.phone.submit(code, [{ question: 1, value: 9 }]))).toBe('object');
    expect(await s.phone.submit(code, [{ question: 1, value: 9 }])).toBe('rate');
    s.setNow(s.now() + 61_000);
    const next = await s.phone.submit(code, [{ question: 1, value: 9 }]);
    expect(typeof next === 'object' && next.answers[0]!.seq).toBe((STANDING_PER_MINUTE + 1) * 1000 + 1);
  });
});
