import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedButton } from '@feedback/firmware-protocol';
import { DEVICES, POINT, SITE, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { scopedToken } from './helpers/identities.ts';
import type { SignedIn } from './helpers/sign-in.ts';

const SURVEY = { id: 'exit', name: 'Exit survey', questions: [{ id: 'recommend', number: 1, scale: 'nps11', label: 'Recommend?' }] };

let t: TestGateway;
let admin: SignedIn;

const post = async (path: string, headers: Record<string, string>, body: unknown) =>
  fetch(`${t.gateway.httpUrl}${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const range = () => `siteId=${SITE.id}&from=0&to=${Date.now() + 60_000}`;
const n = async (index: string, channel?: string) =>
  (await t.get<{ result: { n: number } }>(`/api/indices/${index}?${range()}${channel ? `&channel=${channel}` : ''}`, admin)).result.n;

beforeAll(async () => {
  t = await startTestGateway({
    surveys: [SURVEY],
    points: [{ ...POINT, surveyId: SURVEY.id }],
    devices: [...DEVICES, { id: 'kiosk-1', pointId: POINT.id, buttons: 4, responseIntervalMs: 0, surveyId: SURVEY.id }],
  });
  admin = await t.login();
  // three presses on a button
  const device = DEVICES[0]!;
  const button = new SimulatedButton({
    brokerUrl: t.gateway.mqttUrl,
    siteId: SITE.id,
    deviceId: device.id,
    buttons: 4,
    password: device.mqttPassword,
  });
  await button.connect();
  [3, 3, 0].forEach((b) => button.press(b));
  await button.drained();
  await button.close();
  // two NPS answers on the kiosk
  const kiosk = { authorization: `Bearer ${(await scopedToken(t, admin, { name: 'kiosk', kind: 'kiosk', deviceId: 'kiosk-1' })).token}` };
  const sent = await post('/api/kiosk/answers', kiosk, {
    boot: 1,
    answers: [
      { seq: 1, question: 1, value: 9, uptimeMs: 1000, readMs: 3000, run: 1 },
      { seq: 2, question: 1, value: 10, uptimeMs: 60_000, readMs: 3000, run: 2 },
    ],
  });
  expect(sent.status).toBe(200);
  // one NPS answer from a phone, by a one-time code
  const issued = (await (await post(`/api/points/${POINT.id}/survey-codes`, admin.headers, { kind: 'once' })).json()) as { code: string };
  expect((await post(`/api/phone/${issued.code}/answers`, {}, { answers: [{ question: 1, value: 3 }] })).status).toBe(200);
});
afterAll(async () => t?.close());

describe('filtering by channel (button, kiosk, phone)', () => {
  it('counts only the answers of the channel asked for, in the indices and the overview', async () => {
    expect(await n('happy')).toBe(3);
    expect(await n('happy', 'button')).toBe(3);
    expect(await n('happy', 'kiosk')).toBe(0);
    expect(await n('nps')).toBe(3);
    expect(await n('nps', 'kiosk')).toBe(2);
    expect(await n('nps', 'phone')).toBe(1);
    expect(await n('nps', 'button')).toBe(0);
    const overview = await t.get<{ indices: { index: string; result: { n: number; value: number | null } }[] }>(
      `/api/overview?${range()}&channel=phone`,
      admin,
    );
    expect(overview.indices.find((i) => i.index === 'nps')?.result.n).toBe(1);
  });

  it('exports only the channel asked for, and refuses a channel it does not know', async () => {
    const csv = await (
      await fetch(`${t.gateway.httpUrl}/api/export/answers.csv?${range()}&channel=kiosk`, { headers: admin.headers })
    ).text();
    const rows = csv.trim().split('\n').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.includes('kiosk-1'))).toBe(true);
    const refused = await fetch(`${t.gateway.httpUrl}/api/indices/nps?${range()}&channel=fax`, { headers: admin.headers });
    expect(refused.status).toBe(400);
  });
});
