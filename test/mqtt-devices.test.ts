import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { SimulatedButton } from '@feedback/firmware-protocol';
import { BRIDGE, DEVICES, POINT, SITE, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { metric } from './helpers/metrics.ts';

interface Answer {
  deviceId: string;
  seq: number;
  value: number;
  misuse: boolean;
  occurredAt: number;
  receivedAt: number;
  source: string;
}

const SESSION_POINT = { id: 'reception', siteId: SITE.id, name: 'Reception', sessionMode: true };
const devices = [
  ...DEVICES,
  { id: 'strict', pointId: POINT.id, buttons: 3, responseIntervalMs: 5000, mqttPassword: 'strict-secret' },
  { id: 'desk-session', pointId: SESSION_POINT.id, buttons: 3, responseIntervalMs: 0, mqttPassword: 'session-secret' },
  {
    id: 'z2m-lobby',
    pointId: POINT.id,
    buttons: 3,
    source: { kind: 'zigbee2mqtt', name: 'lobby button', actions: { single: 2, double: 1, hold: 0 } },
  },
  {
    id: 'tasmota-exit',
    pointId: POINT.id,
    buttons: 3,
    source: { kind: 'tasmota', name: 'exit-buttons', actions: { 'button1.single': 2, 'button2.single': 0 } },
  },
  {
    id: 'shelly-desk',
    pointId: POINT.id,
    buttons: 3,
    source: { kind: 'shelly', name: 'shellybutton1-A4CF12F45301', actions: { '0.S': 2, '0.L': 0, 'input:0.single_push': 2 } },
  },
];

let t: TestGateway;
let bridge: mqtt.MqttClient;

beforeAll(async () => {
  t = await startTestGateway({
    points: [POINT, SESSION_POINT],
    devices,
    mqtt: {
      embedded: {
        host: '127.0.0.1',
        port: 0,
        users: [
          BRIDGE,
          {
            username: 'z2m',
            password: 'z2m-secret',
            publish: ['zigbee2mqtt/#', 'stat/#', 'shellies/#', 'shellybutton1-A4CF12F45301/#'],
            subscribe: [],
          },
        ],
      },
    },
  });
  bridge = await mqtt.connectAsync(t.gateway.mqttUrl, { username: BRIDGE.username, password: BRIDGE.password });
});
afterAll(async () => {
  await bridge?.endAsync();
  await t?.close();
});

const answersOf = async (deviceId: string) =>
  (await t.get<{ answers: Answer[] }>('/api/answers?limit=1000')).answers
    .filter((a) => a.deviceId === deviceId)
    .sort((a, b) => a.seq - b.seq);

const dropped = (reason: string) => metric(t.gateway.httpUrl, 'feedback_input_dropped_total', `reason="${reason}"`);

describe("the embedded broker's credentials and ACL", () => {
  it('refuses a connection with a wrong password, and counts it', async () => {
    const before = await dropped('bad-credentials');
    await expect(mqtt.connectAsync(t.gateway.mqttUrl, { username: 'btn-1', password: 'wrong', reconnectPeriod: 0 })).rejects.toThrow();
    expect(await dropped('bad-credentials')).toBe(before + 1);
  });

  it("rejects a device publishing under another device's topic: nothing stored, counted, gateway up", async () => {
    const before = await dropped('acl-publish');
    const intruder = await mqtt.connectAsync(t.gateway.mqttUrl, {
      username: 'btn-1',
      password: DEVICES[0]!.mqttPassword,
      reconnectPeriod: 0,
    });
    intruder.publish(`feedback/${SITE.id}/btn-2/press`, JSON.stringify({ v: 1, boot: 50, seq: 1, button: 0, buttons: 4, uptimeMs: 1 }), {
      qos: 1,
    });
    await expect.poll(() => dropped('acl-publish')).toBe(before + 1);
    await intruder.endAsync(true);
    expect((await answersOf('btn-2')).filter((a) => a.seq === 1 && a.value === 0)).toEqual([]);
    expect((await fetch(`${t.gateway.httpUrl}/health`)).status).toBe(200);
  });

  it("refuses a device's subscription to another device's acks", async () => {
    const client = await mqtt.connectAsync(t.gateway.mqttUrl, { username: 'btn-1', password: DEVICES[0]!.mqttPassword });
    // The broker answers SUBACK 0x80 (failure) for that filter; mqtt.js turns it into a rejection.
    await expect(client.subscribeAsync(`feedback/${SITE.id}/btn-2/ack`, { qos: 1 })).rejects.toThrow(/Subscribe error/);
    expect(client.connected).toBe(true);
    const own = await client.subscribeAsync(`feedback/${SITE.id}/btn-1/ack`, { qos: 1 });
    expect(own[0]!.qos).toBe(1);
    await client.endAsync();
  });
});

describe('bad MQTT input', () => {
  it('counts oversize payloads, unknown message topics and bad fields, logging each kind once, and stays up', async () => {
    const before = { oversize: await dropped('oversize'), topic: await dropped('unknown-topic'), hb: await dropped('bad-heartbeat') };
    const big = JSON.stringify({ v: 1, boot: 1, seq: 1, button: 1, buttons: 4, uptimeMs: 1, junk: 'x'.repeat(5000) });
    for (let i = 0; i < 3; i++) await bridge.publishAsync(`feedback/${SITE.id}/btn-1/press`, big, { qos: 1 });
    await bridge.publishAsync(`feedback/${SITE.id}/btn-1/heartbeat`, '{"v":1,"boot":1,"battery":900,"uptimeMs":1,"presses":1}', { qos: 1 });
    await expect.poll(() => dropped('bad-heartbeat')).toBe(before.hb + 1);
    expect(await dropped('oversize')).toBe(before.oversize + 3);
    expect((await fetch(`${t.gateway.httpUrl}/health`)).status).toBe(200);
  });
});

describe('device behaviour over MQTT', () => {
  it('flags a press within the response interval as misuse and keeps it out of the index', async () => {
    const button = new SimulatedButton({
      brokerUrl: t.gateway.mqttUrl,
      siteId: SITE.id,
      deviceId: 'strict',
      buttons: 3,
      password: 'strict-secret',
    });
    await button.connect();
    button.press(2);
    button.press(0);
    button.press(0);
    await button.drained();
    await button.close();
    expect((await answersOf('strict')).map((a) => a.misuse)).toEqual([false, true, true]);
  });

  it('in session mode counts only the first press after an invite', async () => {
    const session = await t.login();
    const invite = await fetch(`${t.gateway.httpUrl}/api/points/${SESSION_POINT.id}/invite`, { method: 'POST', headers: session.headers });
    expect(invite.status).toBe(204);
    const button = new SimulatedButton({
      brokerUrl: t.gateway.mqttUrl,
      siteId: SITE.id,
      deviceId: 'desk-session',
      buttons: 3,
      password: 'session-secret',
    });
    await button.connect();
    button.press(2);
    await button.drained();
    button.press(1);
    await button.drained();
    await button.close();
    expect((await answersOf('desk-session')).map((a) => a.misuse)).toEqual([false, true]);
    const missing = await fetch(`${t.gateway.httpUrl}/api/points/nowhere/invite`, { method: 'POST', headers: session.headers });
    expect(missing.status).toBe(404);
  });

  it('dates a late retransmission by the device uptime, not by its arrival', async () => {
    const acks: string[] = [];
    bridge.on('message', (_topic, payload) => acks.push(payload.toString()));
    await bridge.subscribeAsync(`feedback/${SITE.id}/btn-2/ack`, { qos: 1 });
    const topic = `feedback/${SITE.id}/btn-2/press`;
    // Boot 70: a heartbeat at uptime 100 s, then a press made at uptime 40 s arrives (a retransmission, 60 s late).
    await bridge.publishAsync(
      `feedback/${SITE.id}/btn-2/heartbeat`,
      JSON.stringify({ v: 1, boot: 70, battery: 80, rssi: -60, uptimeMs: 100_000, presses: 1 }),
      { qos: 1 },
    );
    await bridge.publishAsync(topic, JSON.stringify({ v: 1, boot: 70, seq: 1, button: 3, buttons: 4, uptimeMs: 40_000 }), { qos: 1 });
    await expect.poll(() => acks.includes('{"v":1,"boot":70,"upTo":1,"seq":1}')).toBe(true);
    const answer = (await answersOf('btn-2')).find((a) => a.seq === 1 && a.value === 3)!;
    expect(answer.receivedAt - answer.occurredAt).toBeGreaterThanOrEqual(59_000);
    expect(answer.receivedAt - answer.occurredAt).toBeLessThan(62_000);
  });

  it('acks cumulatively: a gap holds the ack back until it is filled', async () => {
    const acks: { boot: number; seq: number }[] = [];
    bridge.on('message', (_topic, payload) => acks.push(JSON.parse(payload.toString()) as { boot: number; seq: number }));
    const press = (seq: number) => JSON.stringify({ v: 1, boot: 71, seq, button: 1, buttons: 4, uptimeMs: seq });
    const topic = `feedback/${SITE.id}/btn-2/press`;
    await bridge.publishAsync(topic, press(1), { qos: 1 });
    await bridge.publishAsync(topic, press(3), { qos: 1 });
    await new Promise((r) => setTimeout(r, 300));
    expect(Math.max(...acks.filter((a) => a.boot === 71).map((a) => a.seq))).toBe(1);
    await bridge.publishAsync(topic, press(2), { qos: 1 });
    await expect.poll(() => Math.max(...acks.filter((a) => a.boot === 71).map((a) => a.seq))).toBe(3);
  });

  it('shows heartbeats, online state and lost presses in the device registry', async () => {
    const button = new SimulatedButton({
      brokerUrl: t.gateway.mqttUrl,
      siteId: SITE.id,
      deviceId: 'btn-1',
      buttons: 4,
      password: DEVICES[0]!.mqttPassword,
      bootCounter: 12,
    });
    await button.connect();
    button.press(1);
    button.press(2);
    await button.drained();
    button.heartbeat({ battery: 64, rssi: -71 });
    const registry = async () =>
      (await t.get<{ devices: Record<string, unknown>[] }>('/api/devices')).devices.find((d) => d.id === 'btn-1');
    await expect.poll(async () => (await registry())?.pressesSinceBoot).toBe(2);
    expect(await registry()).toMatchObject({ lostSinceBoot: 0 });
    // the self-assessment's collection rate counts the responses known lost: none yet from this boot
    const knownLost = async () => {
      const { items } = await t.get<{ items: { id: string; automatic: { evidence: string } | null }[] }>(
        `/api/assessments/checklist?siteId=${SITE.id}`,
      );
      return Number(/(\d+) known lost/.exec(items.find((i) => i.id === 'metrics.collection')!.automatic!.evidence)![1]);
    };
    const lostBefore = await knownLost();
    // The device claims 2 presses; a third one it "counted" never arrived:
    await bridge.publishAsync(
      `feedback/${SITE.id}/btn-1/heartbeat`,
      JSON.stringify({ v: 1, boot: 12, battery: 64, rssi: -71, uptimeMs: 5000, presses: 3 }),
      { qos: 1 },
    );
    await expect
      .poll(
        async () =>
          (await t.get<{ devices: { id: string; lostSinceBoot: number | null }[] }>('/api/devices')).devices.find((d) => d.id === 'btn-1')
            ?.lostSinceBoot,
      )
      .toBe(1);
    // ...and that press is a customer's voice lost: the collection rate sees it
    expect(await knownLost()).toBe(lostBefore + 1);
    const device = (await t.get<{ devices: Record<string, unknown>[] }>('/api/devices')).devices.find((d) => d.id === 'btn-1');
    expect(device).toMatchObject({ boot: 12, battery: 64, rssi: -71, online: true, model: 'SIM-MQTT', transport: 'mqtt' });
    await button.close();
    await expect
      .poll(
        async () =>
          (await t.get<{ devices: { id: string; online: boolean }[] }>('/api/devices')).devices.find((d) => d.id === 'btn-1')?.online,
      )
      .toBe(false);
  });
});

describe('device configuration over MQTT', () => {
  it("answers a hello with the device's configuration, retained on its config topic", async () => {
    const device = await mqtt.connectAsync(t.gateway.mqttUrl, { username: 'strict', password: 'strict-secret' });
    const configs: string[] = [];
    device.on('message', (_topic, payload) => configs.push(payload.toString()));
    await device.subscribeAsync(`feedback/${SITE.id}/strict/config`, { qos: 1 });
    await device.publishAsync(
      `feedback/${SITE.id}/strict/hello`,
      JSON.stringify({ v: 1, boot: 4, buttons: 3, scale: 'smiley', model: 'FB-3', firmware: '2.1.0' }),
      { qos: 1 },
    );
    await expect.poll(() => configs.length).toBeGreaterThan(0);
    expect(JSON.parse(configs.at(-1)!)).toEqual({ v: 1, responseIntervalMs: 5000, led: true, sessionMode: false });
    await device.endAsync();
    // retained: a device that subscribes later (after a reboot) gets it at once
    const later = await mqtt.connectAsync(t.gateway.mqttUrl, { username: 'strict', password: 'strict-secret' });
    const retained: string[] = [];
    later.on('message', (_topic, payload) => retained.push(payload.toString()));
    await later.subscribeAsync(`feedback/${SITE.id}/strict/config`, { qos: 1 });
    await expect.poll(() => retained.length).toBe(1);
    await later.endAsync();
  });
});

describe('off-the-shelf buttons', () => {
  it('maps zigbee2mqtt, Tasmota and Shelly (Gen1 and Gen2) events to smiley presses', async () => {
    const z2m = await mqtt.connectAsync(t.gateway.mqttUrl, { username: 'z2m', password: 'z2m-secret' });
    await z2m.publishAsync('zigbee2mqtt/lobby button', JSON.stringify({ action: 'single', battery: 97, linkquality: 120 }), { qos: 1 });
    await z2m.publishAsync('zigbee2mqtt/lobby button', JSON.stringify({ action: 'hold' }), { qos: 1 });
    await z2m.publishAsync('zigbee2mqtt/lobby button', JSON.stringify({ battery: 96 }), { qos: 1 });
    await z2m.publishAsync('zigbee2mqtt/lobby button', JSON.stringify({ action: 'triple' }), { qos: 1 });
    await z2m.publishAsync('stat/exit-buttons/RESULT', JSON.stringify({ Button2: { Action: 'SINGLE' } }), { qos: 1 });
    await z2m.publishAsync('stat/exit-buttons/RESULT', JSON.stringify({ POWER: 'ON' }), { qos: 1 });
    await z2m.publishAsync('shellies/shellybutton1-A4CF12F45301/input_event/0', JSON.stringify({ event: 'L', event_cnt: 4 }), { qos: 1 });
    await z2m.publishAsync(
      'shellybutton1-A4CF12F45301/events/rpc',
      JSON.stringify({ method: 'NotifyEvent', params: { ts: 1, events: [{ component: 'input:0', id: 0, event: 'single_push' }] } }),
      { qos: 1 },
    );
    await z2m.publishAsync('zigbee2mqtt/lobby button', 'not json', { qos: 1 });
    await z2m.endAsync();
    await expect.poll(async () => (await answersOf('shelly-desk')).length).toBe(2);
    expect((await answersOf('z2m-lobby')).map((a) => [a.value, a.source])).toEqual([
      [2, 'zigbee2mqtt'],
      [0, 'zigbee2mqtt'],
    ]);
    expect((await answersOf('tasmota-exit')).map((a) => a.value)).toEqual([0]);
    expect((await answersOf('shelly-desk')).map((a) => a.value)).toEqual([0, 2]);
    expect(await dropped('unmapped-action')).toBeGreaterThanOrEqual(1);
    expect(await dropped('zigbee2mqtt-malformed')).toBe(1);
    const lobby = (await t.get<{ devices: Record<string, unknown>[] }>('/api/devices')).devices.find((d) => d.id === 'z2m-lobby');
    expect(lobby).toMatchObject({ battery: 96, transport: 'zigbee2mqtt' });
  });
});
