import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { SimulatedButton } from '@feedback/firmware-protocol';
import { BRIDGE, DEVICES, POINT, SITE, pressPlan, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { metric as readMetric } from './helpers/metrics.ts';

interface Answer {
  deviceId: string;
  seq: number;
  value: number;
  pointId: string;
  scale: string;
}

let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(async () => {
  await t.close();
});

const metric = (name: string, labels: string) => readMetric(t.gateway.httpUrl, name, labels);

describe('presses over MQTT through the embedded broker', () => {
  it('stores every acknowledged press once and serves it from the HTTP API', async () => {
    const button = new SimulatedButton({
      brokerUrl: t.gateway.mqttUrl,
      siteId: SITE.id,
      deviceId: DEVICES[0]!.id,
      buttons: 4,
      password: DEVICES[0]!.mqttPassword,
    });
    await button.connect();
    const plan = pressPlan([17, 16, 60, 126]);
    for (const b of plan) button.press(b);
    await button.drained();
    await button.close();
    expect(button.acknowledged()).toHaveLength(plan.length);

    const { answers } = await t.get<{ answers: Answer[] }>(`/api/answers?pointId=${POINT.id}&limit=1000`);
    expect(answers).toHaveLength(plan.length);
    expect(new Set(answers.map((a) => a.seq)).size).toBe(plan.length);
    expect(answers.every((a) => a.deviceId === DEVICES[0]!.id && a.scale === 'smiley4')).toBe(true);
    expect(answers.map((a) => a.value).sort()).toEqual([...plan].sort());

    const { points } = await t.get<{ points: { pointId: string; happyIndex: { value: number; n: number } }[] }>('/api/points');
    const point = points.find((p) => p.pointId === POINT.id)!;
    expect(point.happyIndex.n).toBe(219);
    expect(point.happyIndex.value.toFixed(1)).toBe('78.2');
  });

  it('acknowledges a retransmitted press again without storing it twice', async () => {
    const client = await mqtt.connectAsync(t.gateway.mqttUrl, { username: BRIDGE.username, password: BRIDGE.password });
    const acks: string[] = [];
    client.on('message', (_topic, payload) => acks.push(payload.toString()));
    await client.subscribeAsync(`feedback/${SITE.id}/${DEVICES[1]!.id}/ack`, { qos: 1 });
    const press = JSON.stringify({ v: 1, boot: 9, seq: 1, button: 0, buttons: 4, uptimeMs: 10 });
    const before = await t.get<{ answers: Answer[] }>(`/api/answers?limit=1000`);
    for (let i = 0; i < 3; i++) await client.publishAsync(`feedback/${SITE.id}/${DEVICES[1]!.id}/press`, press, { qos: 1 });
    await expect.poll(() => acks.length, { timeout: 5000 }).toBe(3);
    expect(new Set(acks)).toEqual(new Set(['{"v":1,"boot":9,"upTo":1,"seq":1}']));
    const after = await t.get<{ answers: Answer[] }>(`/api/answers?limit=1000`);
    expect(after.answers.length - before.answers.length).toBe(1);
    await client.endAsync();
  });

  it('counts bad input, refuses for good only what names a message of a known device, and keeps running', async () => {
    const client = await mqtt.connectAsync(t.gateway.mqttUrl, { username: BRIDGE.username, password: BRIDGE.password });
    const acks: string[] = [];
    const errors: { topic: string; code: string; rejectedSeq: number }[] = [];
    client.on('message', (topic, payload) => {
      if (topic.endsWith('/ack')) acks.push(topic);
      else errors.push({ topic, ...(JSON.parse(payload.toString()) as { code: string; rejectedSeq: number }) });
    });
    await client.subscribeAsync([`feedback/+/+/ack`, `feedback/+/+/error`], { qos: 1 });
    const droppedBefore = {
      malformed: await metric('feedback_input_dropped_total', 'reason="malformed-json"'),
      unknown: await metric('feedback_input_dropped_total', 'reason="unknown-device"'),
      site: await metric('feedback_input_dropped_total', 'reason="wrong-site"'),
      button: await metric('feedback_input_dropped_total', 'reason="bad-button"'),
    };
    const good = { v: 1, boot: 1, seq: 1, button: 1, buttons: 4, uptimeMs: 1 };
    await client.publishAsync(`feedback/${SITE.id}/btn-1/press`, '{not json', { qos: 1 });
    await client.publishAsync(`feedback/${SITE.id}/ghost/press`, JSON.stringify(good), { qos: 1 });
    await client.publishAsync(`feedback/other-site/btn-1/press`, JSON.stringify(good), { qos: 1 });
    await client.publishAsync(`feedback/${SITE.id}/btn-1/press`, JSON.stringify({ ...good, button: 7 }), { qos: 1 });
    await expect.poll(() => metric('feedback_input_dropped_total', 'reason="bad-button"')).toBe(droppedBefore.button + 1);
    expect(await metric('feedback_input_dropped_total', 'reason="malformed-json"')).toBe(droppedBefore.malformed + 1);
    expect(await metric('feedback_input_dropped_total', 'reason="unknown-device"')).toBe(droppedBefore.unknown + 1);
    expect(await metric('feedback_input_dropped_total', 'reason="wrong-site"')).toBe(droppedBefore.site + 1);
    // the unknown device and the wrong site are told so, and nothing moves their acks; the bad button is refused for good
    await expect.poll(() => errors.length).toBe(3);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ topic: `feedback/${SITE.id}/ghost/error`, code: 'unknownDevice', rejectedSeq: 1 }),
        expect.objectContaining({ topic: 'feedback/other-site/btn-1/error', code: 'unknownDevice', rejectedSeq: 1 }),
        expect.objectContaining({ topic: `feedback/${SITE.id}/btn-1/error`, code: 'badValue', rejectedSeq: 1 }),
      ]),
    );
    await expect.poll(() => acks).toEqual([`feedback/${SITE.id}/btn-1/ack`]);
    await client.endAsync();
    const health = await fetch(`${t.gateway.httpUrl}/health`);
    expect(health.status).toBe(200);
  });
});

describe('HTTP API security and errors', () => {
  it('refuses the API without a session, or with a wrong one', async () => {
    expect((await fetch(`${t.gateway.httpUrl}/api/points`)).status).toBe(401);
    const wrong = await fetch(`${t.gateway.httpUrl}/api/points`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(wrong.status).toBe(401);
  });

  it('refuses a wrong password', async () => {
    const response = await fetch(`${t.gateway.httpUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'wrong password' }),
    });
    expect(response.status).toBe(401);
  });

  it('ends a session on logout', async () => {
    const session = await t.login();
    const logout = await fetch(`${t.gateway.httpUrl}/api/auth/logout`, { method: 'POST', headers: session.headers });
    expect(logout.status).toBe(204);
    const after = await fetch(`${t.gateway.httpUrl}/api/points`, { headers: session.headers });
    expect(after.status).toBe(401);
  });

  it('answers an oversize body with 413 and a bad query with 400', async () => {
    const big = await fetch(`${t.gateway.httpUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'x'.repeat(100_000) }),
    });
    expect(big.status).toBe(413);
    const session = await t.login();
    const bad = await fetch(`${t.gateway.httpUrl}/api/answers?limit=0`, { headers: session.headers });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/limit/);
  });

  it('reports ready on /health and serves Prometheus metrics', async () => {
    const health = await fetch(`${t.gateway.httpUrl}/health`);
    expect(await health.json()).toEqual({
      status: 'ready',
      checks: { store: true, broker: true },
      reason: null,
      emotion: { state: 'off', backend: null, model: null, error: null },
    });
    expect(await metric('feedback_answers_stored_total', '')).toBeGreaterThanOrEqual(220);
  });
});
