import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { SimulatedButton } from '@feedback/firmware-protocol';
import { tempDir } from './helpers/temp-dir.ts';
import { spawnGateway, waitForBanner, type GatewayProcess } from './helpers/gateway-process.ts';
import { freePort } from './helpers/free-port.ts';
import { PressingCrowd, expectExactlyOnce } from './helpers/pressing.ts';
import { POINT, SITE } from './helpers/test-gateway.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const deviceIds = ['fast-1', 'fast-2', 'fast-3'];
const devices = deviceIds.map((id) => ({ id, pointId: POINT.id, buttons: 4, responseIntervalMs: 0, mqttPassword: `${id}-secret` }));

function gatewayConfig(dataDir: string, mqtt: Record<string, unknown>) {
  return {
    dataDir,
    http: { host: '127.0.0.1', port: 0 },
    mqtt,
    log: { level: 'warn' },
    demo: { mode: 'off' },
    sites: [SITE],
    points: [POINT],
    devices,
  };
}

async function killed(p: GatewayProcess, signal: NodeJS.Signals): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill(signal);
  await p.exited;
}

describe('faults', () => {
  it('kill -9 of the gateway 20 times under full-rate presses: every press stored exactly once', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const port = await freePort();
    const config = gatewayConfig(dir.path, { embedded: { host: '127.0.0.1', port } });
    let gateway = spawnGateway(dir.path, config);
    cleanups.push(() => killed(gateway, 'SIGKILL'));
    await waitForBanner(gateway);

    const buttons = devices.map(
      (d) =>
        new SimulatedButton({
          brokerUrl: `mqtt://127.0.0.1:${port}`,
          siteId: SITE.id,
          deviceId: d.id,
          buttons: 4,
          password: d.mqttPassword,
          retransmitMs: 400,
        }),
    );
    await Promise.all(buttons.map((b) => b.connect()));
    cleanups.push(() => Promise.all(buttons.map((b) => b.close())));
    const crowd = new PressingCrowd(buttons);
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 400));
      await killed(gateway, 'SIGKILL');
      gateway = spawnGateway(dir.path, config);
      await waitForBanner(gateway);
    }
    await new Promise((r) => setTimeout(r, 300));
    await crowd.stop();
    await Promise.all(buttons.map((b) => b.drained(30_000)));
    await killed(gateway, 'SIGTERM');

    const { stored } = expectExactlyOnce(join(dir.path, 'feedback.db'), buttons);
    expect(stored).toBe(crowd.sent());
    expect(stored).toBeGreaterThan(1000);
    expect(buttons.reduce((n, b) => n + b.getStats().retransmitted, 0)).toBeGreaterThan(0);
  }, 240_000);

  it('a restart of an external mosquitto mid-stream loses nothing and duplicates nothing', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const port = await freePort();
    const conf = join(dir.path, 'mosquitto.conf');
    writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\n`);
    let broker: ChildProcess | undefined;
    const startBroker = async () => {
      broker = spawn('mosquitto', ['-c', conf], { stdio: 'ignore' });
      broker.once('error', (error) => {
        throw new Error(`mosquitto could not start (apt-get install mosquitto): ${error.message}`);
      });
      const deadline = Date.now() + 5000;
      for (;;) {
        const ok = await new Promise<boolean>((resolve) => {
          const s = connect(port, '127.0.0.1');
          s.once('connect', () => (s.destroy(), resolve(true)));
          s.once('error', () => resolve(false));
        });
        if (ok) return;
        if (Date.now() > deadline) throw new Error('mosquitto did not start listening');
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const stopBroker = async () => {
      const b = broker;
      if (!b || b.exitCode !== null) return;
      const exited = new Promise((r) => b.once('exit', r));
      b.kill('SIGTERM');
      await exited;
    };
    await startBroker();
    cleanups.push(stopBroker);

    const gateway = spawnGateway(dir.path, gatewayConfig(dir.path, { url: `mqtt://127.0.0.1:${port}` }));
    cleanups.push(() => killed(gateway, 'SIGKILL'));
    await waitForBanner(gateway);
    const buttons = devices.map(
      (d) => new SimulatedButton({ brokerUrl: `mqtt://127.0.0.1:${port}`, siteId: SITE.id, deviceId: d.id, buttons: 4, retransmitMs: 400 }),
    );
    await Promise.all(buttons.map((b) => b.connect()));
    cleanups.push(() => Promise.all(buttons.map((b) => b.close())));
    const crowd = new PressingCrowd(buttons);
    await new Promise((r) => setTimeout(r, 1000));
    await stopBroker();
    await new Promise((r) => setTimeout(r, 1000));
    await startBroker();
    await new Promise((r) => setTimeout(r, 1000));
    await crowd.stop();
    await Promise.all(buttons.map((b) => b.drained(30_000)));
    await killed(gateway, 'SIGTERM');

    const { stored } = expectExactlyOnce(join(dir.path, 'feedback.db'), buttons);
    expect(stored).toBe(crowd.sent());
    expect(stored).toBeGreaterThan(500);
  }, 120_000);
});
