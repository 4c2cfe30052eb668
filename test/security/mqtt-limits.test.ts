import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect as tcpConnect } from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import { BRIDGE, DEVICES, startTestGateway, type TestGateway } from '../helpers/test-gateway.ts';
import { metric } from '../helpers/metrics.ts';

let t: TestGateway;
const dropped = (reason: string) => metric(t.gateway.httpUrl, 'feedback_input_dropped_total', `reason="${reason}"`);
const open: MqttClient[] = [];
const client = async (username: string, password: string, clientId: string) => {
  const c = await mqtt.connectAsync(t.gateway.mqttUrl, { username, password, clientId, reconnectPeriod: 0, connectTimeout: 3000 });
  open.push(c);
  return c;
};
/** The CONNACK return code a connection attempt gets (0: accepted). */
const returnCode = async (username: string, password: string, clientId: string): Promise<number> => {
  try {
    await client(username, password, clientId);
    return 0;
  } catch (error) {
    return (error as { code?: number }).code ?? -1;
  }
};

beforeAll(async () => {
  t = await startTestGateway({
    mqtt: {
      embedded: { host: '127.0.0.1', port: 0, users: [BRIDGE], maxRetainedPerClient: 3, maxFailedConnectsPerMinute: 3, blockSeconds: 1 },
    },
  });
});
afterAll(async () => {
  await Promise.all(open.map((c) => c.endAsync(true)));
  await t?.close();
});

describe('embedded broker limits', () => {
  it('closes a connection whose CONNECT header claims 268 MB before reading its body', async () => {
    const before = await dropped('packet-too-large');
    const port = Number(new URL(t.gateway.mqttUrl).port);
    const socket = tcpConnect(port, '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    // CONNECT, remaining length 268,435,455 (the largest MQTT can say), then a little junk: not the claimed body
    socket.write(Buffer.concat([Buffer.from([0x10, 0xff, 0xff, 0xff, 0x7f]), Buffer.alloc(1024, 0x41)]));
    await closed;
    expect(await dropped('packet-too-large')).toBe(before + 1);
    // the broker still serves everyone else
    await client(DEVICES[0]!.id, DEVICES[0]!.mqttPassword, DEVICES[0]!.id);
  });

  it('limits retained messages per client: past the limit the publish is refused and the client disconnected', async () => {
    const bridge = await client(BRIDGE.username, BRIDGE.password, BRIDGE.username);
    for (let i = 1; i <= 3; i++) await bridge.publishAsync(`feedback/retained/${i}`, 'x', { qos: 1, retain: true });
    await bridge.publishAsync('feedback/retained/1', 'replaced', { qos: 1, retain: true }); // replacing one's own is fine
    const before = await dropped('retained-limit');
    const gone = new Promise<void>((resolve) => bridge.once('close', () => resolve()));
    bridge.publish('feedback/retained/4', 'one too many', { qos: 1, retain: true });
    await gone;
    expect(await dropped('retained-limit')).toBe(before + 1);
    // clearing one makes room again
    const again = await client(BRIDGE.username, BRIDGE.password, BRIDGE.username);
    await again.publishAsync('feedback/retained/2', '', { qos: 1, retain: true });
    await again.publishAsync('feedback/retained/4', 'now it fits', { qos: 1, retain: true });
    expect(again.connected).toBe(true);
  });

  it("refuses a device that connects with another device's client id, and the owner stays online", async () => {
    const [one, two] = DEVICES as [(typeof DEVICES)[0], (typeof DEVICES)[0]];
    const owner = await client(one.id, one.mqttPassword, `device-${one.id}`);
    const before = await dropped('client-id-taken');
    expect(await returnCode(two.id, two.mqttPassword, `device-${one.id}`)).toBe(2);
    expect(await returnCode(two.id, two.mqttPassword, one.id)).toBe(2);
    expect(await dropped('client-id-taken')).toBe(before + 2);
    expect(owner.connected).toBe(true);
    // any other client id is bound to the first user that uses it
    await client(one.id, one.mqttPassword, 'front-desk-terminal');
    expect(await returnCode(two.id, two.mqttPassword, 'front-desk-terminal')).toBe(2);
    // the owner may reconnect with its own id (taking over its stale connection)
    expect(await returnCode(one.id, one.mqttPassword, `device-${one.id}`)).toBe(0);
  });

  it('slows down an address that keeps failing to connect, then lets it in again', async () => {
    const device = DEVICES[1]!;
    for (let i = 0; i < 3; i++) expect(await returnCode(device.id, 'wrong password', device.id)).toBe(4);
    expect(await returnCode(device.id, device.mqttPassword, device.id)).toBe(3);
    expect(await dropped('connects-throttled')).toBeGreaterThan(0);
    await expect.poll(() => returnCode(device.id, device.mqttPassword, device.id), { timeout: 5000, interval: 250 }).toBe(0);
  });
});
