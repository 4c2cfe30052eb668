import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { BRIDGE, POINT, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { metric } from './helpers/metrics.ts';

const SURVEY = { id: 'exit', name: 'Exit survey', questions: [{ id: 'recommend', number: 1, scale: 'nps11', label: 'Recommend?' }] };

let t: TestGateway;
let pos: MqttClient;
const replies = new Map<string, Record<string, unknown>>();

/** Asks for a code as a POS would, and waits for the gateway's reply on the request's own topic. */
async function ask(requestId: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  await pos.publishAsync('feedback/survey-codes/request', JSON.stringify({ v: 1, requestId, ...body }), { qos: 1 });
  return vi.waitFor(() => {
    const reply = replies.get(requestId);
    if (!reply) throw new Error(`no reply to ${requestId} yet`);
    return reply;
  });
}
const submit = (code: string) =>
  fetch(`${t.gateway.httpUrl}/api/phone/${code}/answers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answers: [{ question: 1, value: 8 }] }),
  });

beforeAll(async () => {
  t = await startTestGateway({ surveys: [SURVEY], points: [{ ...POINT, surveyId: SURVEY.id }] });
  pos = await mqtt.connectAsync(t.gateway.mqttUrl, { username: BRIDGE.username, password: BRIDGE.password, clientId: 'pos-1' });
  pos.on('message', (topic, payload) => replies.set(topic.split('/').at(-1)!, JSON.parse(payload.toString()) as Record<string, unknown>));
  await pos.subscribeAsync('feedback/survey-codes/issued/+', { qos: 1 });
});
afterAll(async () => {
  await pos?.endAsync();
  await t?.close();
});

describe('one-time survey codes asked for over MQTT', () => {
  it('issues a code that opens the survey on a phone once', async () => {
    const reply = await ask('receipt-1001', { pointId: POINT.id, validMinutes: 30 });
    expect(reply).toMatchObject({ v: 1, requestId: 'receipt-1001', path: `/s/${String(reply.code)}` });
    expect(reply.expiresAt as number).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect(reply.expiresAt as number).toBeLessThanOrEqual(Date.now() + 30 * 60_000);
    expect((await submit(String(reply.code))).status).toBe(200);
    expect((await submit(String(reply.code))).status).toBe(410);
  });

  it('answers a wrong request with the reason, and counts an unreadable one', async () => {
    expect(await ask('bad-point', { pointId: 'nowhere' })).toEqual({ v: 1, requestId: 'bad-point', error: 'no point "nowhere"' });
    expect((await ask('too-long', { pointId: POINT.id, validMinutes: 100_000 })).error).toMatch(/validMinutes/);
    expect((await ask('wrong-version', { v: 2, pointId: POINT.id })).error).toBe('v must be 1');
    const before = await metric(t.gateway.httpUrl, 'feedback_input_dropped_total', 'reason="survey-code-malformed"');
    await pos.publishAsync('feedback/survey-codes/request', '{not json', { qos: 1 });
    await pos.publishAsync('feedback/survey-codes/request', JSON.stringify({ v: 1, requestId: 'has/slash', pointId: POINT.id }), {
      qos: 1,
    });
    await vi.waitFor(async () =>
      expect(await metric(t.gateway.httpUrl, 'feedback_input_dropped_total', 'reason="survey-code-malformed"')).toBe(before + 2),
    );
    // the gateway goes on issuing
    expect((await ask('after-bad', { pointId: POINT.id })).code).toMatch(/^[A-Za-z0-9]+$/);
  });
});
