import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedButton } from '@feedback/firmware-protocol';
import { POINT, SITE, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { scopedToken } from './helpers/identities.ts';
import type { SignedIn } from './helpers/sign-in.ts';

/**
 * People, not questions (METRICS.md "Responses"), through real ingest: a kiosk run is one response in
 * the traffic indices and the alerts, however many questions it answered; separate presses are one each.
 */
const SURVEY = {
  id: 'exit',
  name: 'Exit survey',
  questions: [1, 2, 3, 4].map((number) => ({ id: `q${number}`, number, scale: 'csat5', label: `Question ${number}` })),
};
const DOOR = { id: 'door', siteId: SITE.id, name: 'Door' };
const DOOR_BUTTON = {
  id: 'btn-door',
  pointId: DOOR.id,
  kind: 'button' as const,
  buttons: 4,
  responseIntervalMs: 0,
  mqttPassword: 'door-secret',
};
const HOUR = 3_600_000;

let t: TestGateway;
let admin: SignedIn;
const base = Math.floor(Date.now() / HOUR) * HOUR - HOUR;

const api = async <T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
  const response = await fetch(`${t.gateway.httpUrl}${path}`, { ...init, headers: { ...admin.headers, ...(init.headers ?? {}) } });
  return { status: response.status, body: (await response.json().catch(() => null)) as T };
};
const index = async (name: string, filter: string) =>
  (
    await api<{ result: { value: number | null; n: number; unit: string } }>(
      `/api/indices/${name}?${filter}&from=${base}&to=${Date.now() + 60_000}`,
    )
  ).body.result;
const alertsAt = async (pointId: string) =>
  (await api<{ alerts: { n: number; message: string; params: Record<string, unknown> }[] }>(`/api/alerts?pointId=${pointId}`)).body.alerts;

beforeAll(async () => {
  t = await startTestGateway({
    alerts: { defaults: true, rules: [], evaluateEveryMs: 1000 },
    surveys: [SURVEY],
    points: [POINT, DOOR],
    devices: [{ id: 'kiosk-1', pointId: POINT.id, buttons: 4, responseIntervalMs: 0, surveyId: SURVEY.id }, DOOR_BUTTON],
  });
  admin = await t.login();
  // 10 customers at each point in the whole hour before this one: inside every range below, uncut
  for (const pointId of [POINT.id, DOOR.id]) {
    const post = await api(`/api/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pointId, from: base, to: base + HOUR, count: 10 }),
    });
    expect(post.status).toBe(204);
  }
});
afterAll(async () => t?.close());

describe('a kiosk run of four low answers is one customer', () => {
  it('counts one response in the response rate and criticality, and fires no alert', async () => {
    const kiosk = { authorization: `Bearer ${(await scopedToken(t, admin, { name: 'kiosk', kind: 'kiosk', deviceId: 'kiosk-1' })).token}` };
    // one customer's run: all four questions answered 1 of 5 (csat5 1-2: negative), the first one the headline
    const sent = await fetch(`${t.gateway.httpUrl}/api/kiosk/answers`, {
      method: 'POST',
      headers: { ...kiosk, 'content-type': 'application/json' },
      body: JSON.stringify({
        boot: 1,
        answers: [1, 2, 3, 4].map((n) => ({ seq: n, question: n, value: 1, uptimeMs: 1000 * n, readMs: 3000, run: 1 })),
      }),
    });
    expect(sent.status).toBe(200);
    const desk = `pointId=${POINT.id}`;
    // by hand: 1 response / 10 customers · 100 = 10% (per answer it was 4 / 10 = 40%)
    await expect.poll(async () => (await index('responseRate', desk)).value).toBe(10);
    expect(await index('responseRate', desk)).toMatchObject({ value: 10, n: 10, unit: 'customers' });
    expect(await index('criticality', desk)).toMatchObject({ value: 10, n: 10 });
    expect(await index('support', desk)).toMatchObject({ value: 0, n: 10 });
    // the question filter counts the responses that answered that question: still the one customer
    expect((await index('responseRate', `${desk}&questionId=q3`)).value).toBe(10);
    // the device filter narrows customers to the device's point too (METRICS.md): the door's button is not at the desk, so none
    expect(await index('responseRate', `${desk}&deviceId=btn-door`)).toMatchObject({ value: null, n: 0 });
    // the rating index still counts answers: 4 CSAT answers
    expect((await index('csat', desk)).n).toBe(4);
    // the overview and the live point summary say how many people answered: one, negative by its headline
    const overview = await api<{ responses: { result: unknown } }>(`/api/overview?${desk}&from=${base}&to=${Date.now() + 60_000}`);
    expect(overview.body.responses.result).toEqual({ n: 1, unit: 'responses', negative: 1, positive: 0 });
    const points = await api<{ points: { pointId: string; responses: unknown }[] }>(`/api/points`);
    expect(points.body.points.find((p) => p.pointId === POINT.id)?.responses).toEqual({
      n: 1,
      unit: 'responses',
      negative: 1,
      positive: 0,
    });
  });

  it('four separate unhappy presses are four customers: the alert fires with "4 of 4 responses"; the kiosk run did not', async () => {
    const button = new SimulatedButton({
      brokerUrl: t.gateway.mqttUrl,
      siteId: SITE.id,
      deviceId: DOOR_BUTTON.id,
      buttons: 4,
      password: DOOR_BUTTON.mqttPassword,
    });
    await button.connect();
    for (let i = 0; i < 4; i++) button.press(0);
    await button.drained();
    await button.close();
    await expect.poll(async () => (await alertsAt(DOOR.id)).length, { timeout: 10_000 }).toBe(1);
    expect((await alertsAt(DOOR.id))[0]).toMatchObject({
      n: 4,
      message: '100% negative (4 of 4 responses) in the last 15 min',
      params: { share: 100, negative: 4, responses: 4, window: 15 },
    });
    // evaluations run one after another: the desk's (after the kiosk run) came before the door's
    expect(await alertsAt(POINT.id)).toEqual([]);
    // 4 responses / 10 customers at the door; over both points 5 responses / 20 customers
    expect((await index('criticality', `pointId=${DOOR.id}`)).value).toBe(40);
    expect(await index('responseRate', `siteId=${SITE.id}`)).toMatchObject({ value: 25, n: 20 });
    // the device filter chooses the door button's responses wherever the range's points are
    expect((await index('responseRate', `pointId=${DOOR.id}&deviceId=btn-door`)).value).toBe(40);
  });
});
