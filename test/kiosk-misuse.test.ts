import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POINT, SITE, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { scopedToken } from './helpers/identities.ts';
import type { SignedIn } from './helpers/sign-in.ts';

const SURVEY = {
  id: 'exit',
  name: 'Exit survey',
  questions: [
    { id: 'recommend', number: 1, scale: 'nps11', label: 'Recommend?' },
    { id: 'satisfied', number: 2, scale: 'csat5', label: 'Satisfied?' },
  ],
};

let t: TestGateway;
let admin: SignedIn;
let kiosk: Record<string, string>;

const send = async (boot: number, answers: unknown[], clock?: { bootWallMs: number; sentWallMs: number }) =>
  (
    await fetch(`${t.gateway.httpUrl}/api/kiosk/answers`, {
      method: 'POST',
      headers: { ...kiosk, 'content-type': 'application/json' },
      body: JSON.stringify({ boot, answers, ...(clock ? { clock } : {}) }),
    })
  ).json();
const stored = async (boot: number) =>
  (await t.get<{ answers: { boot: number; seq: number; misuse: boolean }[] }>('/api/answers?limit=100', admin)).answers
    .filter((a) => a.boot === boot)
    .sort((a, b) => a.seq - b.seq)
    .map((a) => [a.seq, a.misuse]);
const npsN = async () =>
  (await t.get<{ result: { n: number } }>(`/api/indices/nps?siteId=${SITE.id}&from=0&to=${Date.now() + 60_000}`, admin)).result.n;

beforeAll(async () => {
  t = await startTestGateway({
    surveys: [SURVEY],
    devices: [{ id: 'kiosk-1', pointId: POINT.id, buttons: 4, responseIntervalMs: 5000, surveyId: SURVEY.id }],
  });
  admin = await t.login();
  kiosk = { authorization: `Bearer ${(await scopedToken(t, admin, { name: 'kiosk', kind: 'kiosk', deviceId: 'kiosk-1' })).token}` };
});
afterAll(async () => t?.close());

describe('misuse on a terminal (flagged, stored, never counted)', () => {
  it('flags an answer given faster than a person can read its question', async () => {
    // A terminal whose boot began a minute ago by its own clock: these answers are dated then.
    const now = Date.now();
    await send(
      1,
      [
        { seq: 1, question: 1, value: 9, uptimeMs: 1000, readMs: 2500, run: 1 },
        { seq: 2, question: 2, value: 5, uptimeMs: 1200, readMs: 150, run: 1 },
      ],
      { bootWallMs: now - 60_000, sentWallMs: now },
    );
    expect(await stored(1)).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(await npsN()).toBe(1);
  });

  it('flags a whole survey run started within the response interval after the last counted one', async () => {
    // A new customer now, a minute after boot 1's run; then the terminal submits again 3 s later.
    await send(2, [
      { seq: 1, question: 1, value: 10, uptimeMs: 1000, readMs: 3000, run: 1 },
      { seq: 2, question: 2, value: 4, uptimeMs: 4000, readMs: 3000, run: 1 },
      // the same terminal submits again straight away: the second run is misuse, all of it
      { seq: 3, question: 1, value: 10, uptimeMs: 4100, readMs: 3000, run: 3 },
      { seq: 4, question: 2, value: 5, uptimeMs: 4200, readMs: 3000, run: 3 },
    ]);
    expect(await stored(2)).toEqual([
      [1, false],
      [2, false],
      [3, true],
      [4, true],
    ]);
    expect(await npsN()).toBe(2);
  });

  it('keeps a note on a misuse answer, flagged, and opens no case from it', async () => {
    const note = await fetch(`${t.gateway.httpUrl}/api/kiosk/notes`, {
      method: 'POST',
      headers: { ...kiosk, 'content-type': 'application/json' },
      body: JSON.stringify({
        boot: 1,
        seq: 2,
        comment: 'terrible, call me',
        contact: { kind: 'phone', value: '+49 30 7654321', consent: true },
      }),
    });
    expect(((await note.json()) as { flags: string[] }).flags).toEqual(['misuse']);
    expect((await t.get<{ cases: unknown[] }>('/api/cases', admin)).cases).toEqual([]);
  });
});
