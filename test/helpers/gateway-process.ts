import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface GatewayProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Runs the gateway's server entry as its own process, as `npm start` does, with a config file. */
export function spawnGateway(dir: string, config: Record<string, unknown>): GatewayProcess {
  const file = join(dir, 'gateway.yaml');
  writeFileSync(file, stringify(config));
  const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/src/server.ts', '--config', file], {
    cwd: REPO_ROOT,
    env: { ...process.env, FEEDBACK_CONFIG: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits for the start banner and returns the URLs it prints. */
export async function waitForBanner(p: GatewayProcess, timeoutMs = 30_000): Promise<{ httpUrl: string; mqttUrl: string }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const http = /Dashboard:\s+(http:\/\/\S+?)\/dashboard\//.exec(p.stdout());
    const mqtt = /MQTT:\s+(mqtt:\/\/\S+)/.exec(p.stdout());
    if (http?.[1] && mqtt?.[1]) return { httpUrl: http[1], mqttUrl: mqtt[1] };
    if (p.child.exitCode !== null) throw new Error(`gateway exited early: ${p.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no start banner within ${timeoutMs} ms: ${p.stderr()}`);
}
