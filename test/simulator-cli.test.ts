import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { POINT, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { ptyPair, type PtyPair } from './helpers/socat.ts';
import { tempDir } from './helpers/temp-dir.ts';
import { REPO_ROOT } from './helpers/gateway-process.ts';

let t: TestGateway;
let pty: PtyPair;
const dir = tempDir('fb-cli-');

function simulate(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'firmware-protocol/src/simulator/cli.ts', ...args], { cwd: REPO_ROOT });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err })));
}

beforeAll(async () => {
  pty = await ptyPair(dir.path);
  t = await startTestGateway({
    devices: [
      { id: '000000a1', pointId: POINT.id, buttons: 5, responseIntervalMs: 0 },
      { id: '000000a2', pointId: POINT.id, buttons: 5, responseIntervalMs: 0 },
    ],
    serial: { ports: [{ path: pty.gatewayPath }] },
  });
});
afterAll(async () => {
  await t?.close();
  await pty?.stop();
  dir.remove();
});

describe('npm run simulate', () => {
  it('drives serial devices on a port, and the gateway stores their presses', async () => {
    const run = await simulate([
      '--serial',
      pty.devicePath,
      '--first-id',
      'a1',
      '--devices',
      '2',
      '--buttons',
      '5',
      '--rate',
      '1200',
      '--duration',
      '2',
    ]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/simulating 2 serial buttons/);
    const { answers } = await t.get<{ answers: { deviceId: string; scale: string }[] }>('/api/answers?limit=1000');
    const ids = new Set(answers.map((a) => a.deviceId));
    expect(ids).toEqual(new Set(['000000a1', '000000a2']));
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.every((a) => a.scale === 'smiley5')).toBe(true);
  });

  it('refuses bad arguments with a message that names them', async () => {
    const run = await simulate(['--devices', 'many']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/--devices must be a positive whole number, got "many"/);
  });
});
