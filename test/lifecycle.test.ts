import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SimulatedButton } from '@feedback/firmware-protocol';
import { tempDir } from './helpers/temp-dir.ts';
import { spawnGateway, waitForBanner } from './helpers/gateway-process.ts';
import { DEVICES, POINT, SITE } from './helpers/test-gateway.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function baseConfig(dataDir: string) {
  return {
    dataDir,
    http: { host: '127.0.0.1', port: 0 },
    mqtt: { embedded: { host: '127.0.0.1', port: 0 } },
    log: { level: 'warn' },
    demo: { mode: 'off' },
    auth: { initialAdminPassword: 'not-used-here' },
    sites: [SITE],
    points: [POINT],
    devices: DEVICES,
  };
}

describe('the gateway process', () => {
  it('refuses to start on a bad configuration file, naming the key', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const config = baseConfig(dir.path);
    const p = spawnGateway(dir.path, { ...config, http: { ...config.http, port: 'eighty' }, indices: { minAnswer: 5 } });
    expect(await p.exited).toBe(78);
    expect(p.stderr()).toMatch(/http\.port/);
    expect(p.stderr()).toMatch(/indices\.minAnswer: unknown key/);
    expect(existsSync(join(dir.path, 'feedback.db'))).toBe(false);
  });

  it('on SIGTERM mid-stream leaves a database that opens cleanly with every acknowledged press', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const p = spawnGateway(dir.path, baseConfig(dir.path));
    cleanups.push(() => p.child.kill('SIGKILL'));
    const { mqttUrl } = await waitForBanner(p);

    const buttons = DEVICES.map(
      (d) =>
        new SimulatedButton({
          brokerUrl: mqttUrl,
          siteId: SITE.id,
          deviceId: d.id,
          buttons: 4,
          retransmitMs: 60_000,
          password: d.mqttPassword,
        }),
    );
    await Promise.all(buttons.map((b) => b.connect()));
    let pressing = true;
    const loops = buttons.map(async (b) => {
      while (pressing) {
        b.press();
        await new Promise((r) => setTimeout(r, 1));
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    p.child.kill('SIGTERM');
    const code = await p.exited;
    pressing = false;
    await Promise.all(buttons.map((b) => b.close().catch(() => undefined)));
    await Promise.all(loops);

    expect(code).toBe(0);
    expect(existsSync(join(dir.path, 'feedback.db-wal'))).toBe(false);
    const db = new Database(join(dir.path, 'feedback.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      let acknowledged = 0;
      for (const b of buttons) {
        const stored = new Set(
          (db.prepare('SELECT seq FROM answers WHERE device_id = ? AND boot = ?').all(b.deviceId, b.boot) as { seq: number }[]).map(
            (r) => r.seq,
          ),
        );
        const acked = b.acknowledged();
        acknowledged += acked.length;
        expect(acked.filter((seq) => !stored.has(seq))).toEqual([]);
      }
      expect(acknowledged).toBeGreaterThan(100);
    } finally {
      db.close();
    }
  });
});
