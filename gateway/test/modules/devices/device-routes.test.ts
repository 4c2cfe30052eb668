import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moduleApp, type ModuleApp } from '../../helpers/module-app.ts';
import { DeviceRegistry } from '../../../src/modules/devices/device-registry.ts';
import { DeviceRepo } from '../../../src/modules/devices/device-repo.ts';
import { deviceRoutes } from '../../../src/modules/devices/device-routes.ts';
import { validateConfig } from '../../../src/platform/config/load.ts';

const SITES = [
  { id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' },
  { id: 'tokyo', name: 'Tokyo', timeZone: 'Asia/Tokyo' },
];
const POINTS = [
  { id: 'desk', siteId: 'berlin' },
  { id: 'door', siteId: 'tokyo' },
];
const NOW = Date.now();

let m: ModuleApp;
let registry: DeviceRegistry;
beforeEach(async () => {
  const config = validateConfig({
    sites: SITES,
    points: POINTS.map((p) => ({ ...p, name: p.id })),
    devices: POINTS.map((p) => ({ id: `dev-${p.id}`, pointId: p.id, buttons: 4 })),
  });
  m = await moduleApp({
    sites: SITES,
    points: POINTS,
    services: (store) => {
      registry = new DeviceRegistry(new DeviceRepo(store.db), 120_000);
      registry.load(config);
      return { devices: registry };
    },
    routes: [deviceRoutes],
  });
});
afterEach(async () => m.close());

type Listed = {
  devices: {
    id: string;
    siteId: string;
    boot: number | null;
    lostSinceBoot: number | null;
    duplicatesSinceBoot: number;
    refusedSinceBoot: Record<string, number>;
    online: boolean;
  }[];
};

describe('the devices module over HTTP', () => {
  it("lists the devices of the caller's sites with their health and the presses lost since boot", async () => {
    registry.recordHello('dev-desk', 'mqtt', { model: 'smiley4', firmware: '1.2.0', boot: 7 }, NOW - 5000);
    registry.recordHeartbeat('dev-desk', 'mqtt', { boot: 7, battery: 80, rssi: -60, uptimeMs: 60_000, presses: 5 }, NOW - 1000);
    await m.store.write([
      { deviceId: 'dev-desk', pointId: 'desk', boot: 7, seq: 1 },
      { deviceId: 'dev-desk', pointId: 'desk', boot: 7, seq: 2 },
    ]);
    registry.count('dev-desk', 7, 'refused:too-old');
    registry.count('dev-desk', 7, 'duplicate');

    const everywhere = (await m.call('GET', '/api/devices', m.bearer(['indices:read']))).json() as Listed;
    const desk = everywhere.devices.find((d) => d.id === 'dev-desk');
    // 5 presses reported, 2 stored, 1 refused: 2 never arrived
    expect(desk).toMatchObject({
      siteId: 'berlin',
      boot: 7,
      lostSinceBoot: 2,
      duplicatesSinceBoot: 1,
      refusedSinceBoot: { 'too-old': 1 },
      online: true,
    });
    expect(everywhere.devices.map((d) => d.id).sort()).toEqual(['dev-desk', 'dev-door']);

    const tokyo = (await m.call('GET', '/api/devices', m.bearer(['indices:read'], ['tokyo']))).json() as Listed;
    expect(tokyo.devices.map((d) => d.id)).toEqual(['dev-door']);
  });

  it("tallies a device's boots, latest first, and refuses a device that is not configured or not the caller's", async () => {
    for (const boot of [1, 2]) registry.recordHello('dev-desk', 'mqtt', { model: 'smiley4', firmware: '1.2.0', boot }, NOW - 10_000 + boot);
    await m.store.write([
      { deviceId: 'dev-desk', pointId: 'desk', boot: 1, seq: 1 },
      { deviceId: 'dev-desk', pointId: 'desk', boot: 2, seq: 1 },
    ]);
    registry.count('dev-desk', 2, 'duplicate');
    registry.count('dev-desk', 2, 'duplicate');
    const reader = m.bearer(['indices:read']);

    const boots = await m.call('GET', '/api/devices/dev-desk/boots', reader);
    expect(boots.statusCode).toBe(200);
    expect((boots.json() as { boots: { boot: number; duplicates: number }[] }).boots.map((b) => [b.boot, b.duplicates])).toEqual([
      [2, 2],
      [1, 0],
    ]);
    expect(((await m.call('GET', '/api/devices/dev-desk/boots?limit=1', reader)).json() as { boots: unknown[] }).boots).toHaveLength(1);
    expect((await m.call('GET', '/api/devices/dev-desk/boots?limit=0', reader)).statusCode).toBe(400);
    expect((await m.call('GET', '/api/devices/dev-attic/boots', reader)).json()).toMatchObject({
      statusCode: 404,
      message: 'No device "dev-attic"',
    });
    expect((await m.call('GET', '/api/devices/dev-desk/boots', m.bearer(['indices:read'], ['tokyo']))).statusCode).toBe(403);
    expect((await m.call('GET', '/api/devices/dev-desk/boots', m.bearer(['answers:read']))).statusCode).toBe(403);
  });
});
