import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import mqtt from 'mqtt';
import { BRIDGE, DEVICES, SITE, startTestGateway } from '../helpers/test-gateway.ts';
import { spawnGateway } from '../helpers/gateway-process.ts';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('the data folder', () => {
  it('is readable by the gateway user only, and a second gateway on it is refused with a clear message', async () => {
    const t = await startTestGateway();
    try {
      expect(mode(t.dataDir)).toBe(0o700);
      for (const file of ['feedback.db', 'feedback.db-wal', 'installation.key', 'gateway.lock'])
        expect(mode(join(t.dataDir, file)), file).toBe(0o600);
      const second = spawnGateway(t.dataDir, {
        dataDir: t.dataDir,
        http: { host: '127.0.0.1', port: 0 },
        mqtt: { embedded: { host: '127.0.0.1', port: 0 } },
        demo: { mode: 'off' },
      });
      expect(await second.exited).toBe(1);
      expect(second.stdout() + second.stderr()).toMatch(/Another gateway \(pid \d+\) is already using the data folder/);
      // the first one is untouched
      expect((await fetch(`${t.gateway.httpUrl}/health`)).status).toBe(200);
    } finally {
      await t.close();
    }
  }, 30_000);

  it('reports a full disk on /health with the reason, and recovers by itself when space is freed', async () => {
    const t = await startTestGateway({ store: { maxSizeMb: 1 } });
    const side = new Database(join(t.dataDir, 'feedback.db'));
    const bridge = await mqtt.connectAsync(t.gateway.mqttUrl, {
      username: BRIDGE.username,
      password: BRIDGE.password,
      clientId: BRIDGE.username,
    });
    const press = (seq: number) =>
      bridge.publishAsync(
        `feedback/${SITE.id}/${DEVICES[0]!.id}/press`,
        JSON.stringify({ v: 1, boot: 1, seq, button: 3, buttons: 4, durationMs: 100, uptimeMs: 1000 + seq }),
        { qos: 1 },
      );
    const health = async () => {
      const response = await fetch(`${t.gateway.httpUrl}/health`);
      return { status: response.status, body: (await response.json()) as { reason: string | null; checks: { store: boolean } } };
    };
    try {
      await press(1);
      await expect.poll(async () => (await t.get<{ answers: unknown[] }>('/api/answers')).answers.length).toBe(1);
      // fill the file past the gateway's 1 MB cap, as a full disk would be
      side.exec('CREATE TABLE filler (b BLOB)');
      side.prepare('INSERT INTO filler VALUES (zeroblob(?))').run(2 * 1024 * 1024);
      // presses go on until one needs a new page of the file, which the cap refuses
      let seq = 1;
      while ((await health()).status === 200 && seq < 20_000) await Promise.all(Array.from({ length: 200 }, () => press(++seq)));
      expect((await health()).status).toBe(503);
      const full = await health();
      expect(full.body.checks.store).toBe(false);
      expect(full.body.reason).toMatch(/full/);
      const stored = (await t.get<{ answers: unknown[] }>('/api/answers?limit=1000')).answers.length;
      expect(stored).toBeLessThan(seq);
      // free the space: the probe finds the store writable again, with nothing lost
      side.exec('DROP TABLE filler');
      await expect.poll(async () => (await health()).status, { timeout: 15_000, interval: 250 }).toBe(200);
      await press(seq + 1);
      await expect.poll(async () => (await t.get<{ answers: { seq: number }[] }>('/api/answers?limit=1')).answers[0]?.seq).toBe(seq + 1);
    } finally {
      side.close();
      await bridge.endAsync();
      await t.close();
    }
  }, 40_000);
});
