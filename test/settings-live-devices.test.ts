import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { stringify as stringifyYaml } from 'yaml';
import { SimulatedButton } from '@feedback/firmware-protocol';
import { BRIDGE, POINT, SITE, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import type { SignedIn } from './helpers/sign-in.ts';

/** The broker user zigbee2mqtt (and Tasmota) would log in as. */
const Z2M = { username: 'z2m', password: 'z2m-secret', publish: ['zigbee2mqtt/#', 'stat/#'], subscribe: [] };

let t: TestGateway;
let admin: SignedIn;
let z2m: mqtt.MqttClient;

beforeAll(async () => {
  t = await startTestGateway({ mqtt: { embedded: { host: '127.0.0.1', port: 0, users: [BRIDGE, Z2M] } } });
  admin = await t.login();
  z2m = await mqtt.connectAsync(t.gateway.mqttUrl, { username: Z2M.username, password: Z2M.password });
});
afterAll(async () => {
  await z2m?.endAsync();
  await t?.close();
});

async function send(
  method: string,
  path: string,
  body: unknown,
  contentType = 'application/json',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${t.gateway.httpUrl}${path}`, {
    method,
    headers: { ...admin.headers, 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const storedOf = async (deviceId: string) => {
  const { answers } = await t.get<{ answers: { deviceId: string; value: number }[] }>('/api/answers?limit=1000', admin);
  return answers
    .filter((a) => a.deviceId === deviceId)
    .map((a) => a.value)
    .sort();
};

const zigbeeButton = (id: string, name: string) => ({
  id,
  pointId: POINT.id,
  buttons: 3,
  source: { kind: 'zigbee2mqtt', name, actions: { single: 2, double: 1, hold: 0 } },
});

async function pressThrice(name: string): Promise<void> {
  for (const action of ['single', 'double', 'hold']) await z2m.publishAsync(`zigbee2mqtt/${name}`, JSON.stringify({ action }), { qos: 1 });
}

describe('devices added while the gateway runs', () => {
  it('stores every press of a zigbee2mqtt button added through the settings API', async () => {
    const added = await send('PUT', '/api/settings/devices/z2m-live', zigbeeButton('z2m-live', 'live button'));
    expect(added.status).toBe(200);
    expect(added.body.appliesAfterRestart).toEqual([]);
    await pressThrice('live button');
    await expect.poll(() => storedOf('z2m-live')).toEqual([0, 1, 2]);
  });

  it('stores every press of a zigbee2mqtt button added by a YAML import', async () => {
    const settings = await t.get<{ catalog: { devices: unknown[] } }>('/api/settings', admin);
    const yaml = stringifyYaml({ devices: [...settings.catalog.devices, zigbeeButton('z2m-imported', 'imported button')] });
    const imported = await send('POST', '/api/settings/import', yaml, 'application/yaml');
    expect(imported.status).toBe(200);
    await pressThrice('imported button');
    await expect.poll(() => storedOf('z2m-imported')).toEqual([0, 1, 2]);
  });

  it('stores every press of a native MQTT button added through the settings API', async () => {
    const device = { id: 'native-live', pointId: POINT.id, buttons: 3, responseIntervalMs: 0, mqttPassword: 'native-live-secret' };
    expect((await send('PUT', '/api/settings/devices/native-live', device)).status).toBe(200);
    const button = new SimulatedButton({
      brokerUrl: t.gateway.mqttUrl,
      siteId: SITE.id,
      deviceId: device.id,
      buttons: 3,
      password: device.mqttPassword,
    });
    await button.connect();
    for (const value of [0, 1, 2]) button.press(value);
    await button.drained();
    await button.close();
    await expect.poll(() => storedOf('native-live')).toEqual([0, 1, 2]);
  });
});
