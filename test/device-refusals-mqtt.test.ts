import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { DEVICES, POINT, SITE, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import type { SignedIn } from './helpers/sign-in.ts';

/** PROTOCOL.md as a firmware author reads it: what a device sees on its ack and error topics when the gateway refuses. */
interface Reply {
  topic: string;
  boot: number;
  upTo?: number;
  seq?: number;
  code?: string;
  rejectedSeq?: number;
  reason?: string;
}

const WRAP = 2 ** 32;
let t: TestGateway;
let session: SignedIn;
const get = <T>(path: string) => t.get<T>(path, session);

beforeAll(async () => {
  t = await startTestGateway({
    devices: [
      ...DEVICES,
      {
        id: 'z2m-hall',
        pointId: POINT.id,
        buttons: 3,
        source: { kind: 'zigbee2mqtt', name: 'hall/exit button', actions: { single: 2, hold: 0 } },
      },
    ],
    mqtt: {
      embedded: {
        host: '127.0.0.1',
        port: 0,
        users: [{ username: 'z2m', password: 'z2m-secret', publish: ['zigbee2mqtt/#'], subscribe: [] }],
      },
    },
  });
  session = await t.login();
});
afterAll(async () => {
  await t?.close();
});

/** A device connected with its own credentials, subscribed to its own ack, config and error topics (all the ACL allows it). */
async function device(id: 'btn-1' | 'btn-2') {
  const password = DEVICES.find((d) => d.id === id)!.mqttPassword;
  const client = await mqtt.connectAsync(t.gateway.mqttUrl, { username: id, password, clientId: id, reconnectPeriod: 0 });
  const replies: Reply[] = [];
  client.on('message', (topic, payload) =>
    replies.push({ topic: topic.split('/').pop()!, ...(JSON.parse(payload.toString()) as Omit<Reply, 'topic'>) }),
  );
  const granted = await client.subscribeAsync(
    [`feedback/${SITE.id}/${id}/ack`, `feedback/${SITE.id}/${id}/error`, `feedback/${SITE.id}/${id}/config`],
    { qos: 1 },
  );
  expect(granted.map((g) => g.qos)).toEqual([1, 1, 1]);
  const publish = (message: string, body: Record<string, unknown>) =>
    client.publishAsync(`feedback/${SITE.id}/${id}/${message}`, JSON.stringify(body), { qos: 1 });
  const ackOf = (boot: number) => Math.max(0, ...replies.filter((r) => r.topic === 'ack' && r.boot === boot).map((r) => r.upTo!));
  const errorsFor = (boot: number, seq: number) => replies.filter((r) => r.topic === 'error' && r.boot === boot && r.rejectedSeq === seq);
  return { client, replies, publish, ackOf, errorsFor };
}

const answersOf = async (deviceId: string, boot: number) =>
  (
    await get<{ answers: { deviceId: string; boot: number; seq: number; occurredAt: number; receivedAt: number }[] }>(
      '/api/answers?limit=1000',
    )
  ).answers
    .filter((a) => a.deviceId === deviceId && a.boot === boot)
    .sort((a, b) => a.seq - b.seq);

describe('refused messages over MQTT never stall a device', () => {
  it('answers each refused seq on the error topic, acks past it, and answers a retransmission the same way', async () => {
    const d = await device('btn-2');
    const press = (seq: number, extra: Record<string, unknown> = {}) =>
      d.publish('press', { v: 1, boot: 81, seq, button: 1, buttons: 4, uptimeMs: 1000 + seq, ...extra });
    await press(1);
    await press(2);
    await press(3, { button: 7 }); // out of range
    await press(4, { button: 4, buttons: 5 }); // not the configured button count
    await press(5, { v: 2 }); // another major version
    await press(6);
    await expect.poll(() => d.ackOf(81)).toBe(6);
    expect(d.errorsFor(81, 3)).toMatchObject([{ code: 'badValue', reason: 'bad-button' }]);
    expect(d.errorsFor(81, 4)).toMatchObject([{ code: 'badValue', reason: 'scale-mismatch' }]);
    expect(d.errorsFor(81, 5)).toMatchObject([{ code: 'unsupportedVersion', reason: 'unsupported-version' }]);
    // every ack names the cumulative seq as upTo, and repeats it as seq for devices written against revision 1.0
    expect(d.replies.filter((r) => r.topic === 'ack').every((r) => r.upTo === r.seq)).toBe(true);

    await press(3, { button: 7 }); // the device had not seen the error yet and resends
    await expect.poll(() => d.errorsFor(81, 3).length).toBe(2);
    expect(d.errorsFor(81, 3)[1]).toMatchObject({ code: 'badValue', reason: 'bad-button' });
    expect((await answersOf('btn-2', 81)).map((a) => a.seq)).toEqual([1, 2, 6]);

    // the devices page: per boot, what was stored, duplicated and refused
    await press(2); // a plain retransmission
    await expect.poll(() => d.replies.filter((r) => r.topic === 'ack' && r.boot === 81).length).toBeGreaterThan(2);
    const boots = async () =>
      (
        await get<{ boots: { boot: number; stored: number; duplicates: number; refused: Record<string, number> }[] }>(
          '/api/devices/btn-2/boots',
        )
      ).boots;
    await expect.poll(async () => (await boots()).find((b) => b.boot === 81)?.duplicates).toBe(1);
    expect((await boots()).find((b) => b.boot === 81)).toEqual({
      boot: 81,
      stored: 3,
      duplicates: 1,
      refused: { 'bad-button': 2, 'scale-mismatch': 1, 'unsupported-version': 1 },
    });
    await expect(get('/api/devices/nobody/boots')).rejects.toThrow(/404/);
    await d.client.endAsync();
  });

  it('answers a hello whose button count disagrees with the configuration with an error instead of a config', async () => {
    const d = await device('btn-2');
    await d.publish('hello', { v: 1, boot: 82, buttons: 5, scale: 'smiley', model: 'FB-5', firmware: '2.0' });
    await expect.poll(() => d.errorsFor(82, 0)).toMatchObject([{ code: 'badValue', reason: 'hello-mismatch' }]);
    expect(d.replies.some((r) => r.topic === 'config' && r.boot === 82)).toBe(false);
    await d.client.endAsync();
  });
});

describe('time across the 32-bit uptime wrap', () => {
  it('dates presses on both sides of the wrap, and a late retransmission from before it, at the time they were pressed', async () => {
    const d = await device('btn-1');
    await d.publish('press', { v: 1, boot: 91, seq: 1, button: 3, buttons: 4, uptimeMs: WRAP - 500 });
    await expect.poll(() => d.ackOf(91)).toBe(1);
    const first = (await answersOf('btn-1', 91))[0]!;
    // a second later by the device's clock, its uptime has wrapped to 500
    await expect.poll(() => Date.now() - first.receivedAt, { timeout: 3_000 }).toBeGreaterThanOrEqual(1_100);
    await d.publish('press', { v: 1, boot: 91, seq: 2, button: 3, buttons: 4, uptimeMs: 500 });
    // pressed 300 ms after the first, before the wrap, and only now arriving
    await d.publish('press', { v: 1, boot: 91, seq: 3, button: 3, buttons: 4, uptimeMs: WRAP - 200 });
    await expect.poll(() => d.ackOf(91)).toBe(3);
    const [one, two, three] = await answersOf('btn-1', 91);
    expect(one!.occurredAt).toBe(first.occurredAt);
    expect(two!.occurredAt - one!.occurredAt).toBe(1_000);
    expect(three!.occurredAt - one!.occurredAt).toBe(300);
    await d.client.endAsync();
  });
});

describe('the device registry across boots', () => {
  it("does not carry the previous boot's press counter into a new boot", async () => {
    const d = await device('btn-1');
    await d.publish('heartbeat', { v: 1, boot: 120, battery: 80, rssi: -60, uptimeMs: 9_000, presses: 5 });
    const registry = async () =>
      (await get<{ devices: { id: string; boot: number | null; lostSinceBoot: number | null }[] }>('/api/devices')).devices.find(
        (x) => x.id === 'btn-1',
      );
    await expect.poll(async () => (await registry())?.lostSinceBoot).toBe(5);
    await d.publish('hello', { v: 1, boot: 121, buttons: 4, scale: 'smiley', model: 'FB-4', firmware: '1.1' });
    await expect.poll(async () => (await registry())?.boot).toBe(121);
    expect((await registry())?.lostSinceBoot).toBeNull();
    await d.publish('heartbeat', { v: 1, boot: 121, battery: 80, rssi: -60, uptimeMs: 1_000, presses: 0 });
    await expect.poll(async () => (await registry())?.lostSinceBoot).toBe(0);
    await d.client.endAsync();
  });
});

describe('off-the-shelf buttons', () => {
  it('accepts a zigbee2mqtt friendly name that holds a slash', async () => {
    const z2m = await mqtt.connectAsync(t.gateway.mqttUrl, { username: 'z2m', password: 'z2m-secret', reconnectPeriod: 0 });
    await z2m.publishAsync('zigbee2mqtt/hall/exit button', JSON.stringify({ action: 'single', battery: 90 }), { qos: 1 });
    await expect
      .poll(async () =>
        (await get<{ answers: { deviceId: string; value: number }[] }>('/api/answers?limit=1000')).answers
          .filter((a) => a.deviceId === 'z2m-hall')
          .map((a) => a.value),
      )
      .toEqual([2]);
    await z2m.endAsync();
  });
});
