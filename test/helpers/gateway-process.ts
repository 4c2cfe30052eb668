import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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

/**
 * The Node flags and entry `npm start` runs (read from its script, so benchmarks measure exactly
 * that). Requires `npm run build` to have made gateway/dist/server.mjs.
 */
export function productionCommand(): string[] {
  return productionLaunch().args;
}

/** The environment assignments and Node arguments of `npm start`. */
export function productionLaunch(): { env: Record<string, string>; args: string[] } {
  const scripts = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const match = /((?:[A-Z_]+=\S+ )*)node ((?:--\S+ )*)(gateway\/dist\/server\.mjs)/.exec(scripts.start ?? '');
  if (!match) throw new Error('package.json start script does not run gateway/dist/server.mjs');
  const env = Object.fromEntries(
    match[1]!
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((kv) => kv.split('=') as [string, string]),
  );
  return { env, args: [...match[2]!.trim().split(/\s+/).filter(Boolean), match[3]!] };
}

/**
 * Runs the gateway as its own process with a config file: from TypeScript sources (tests), or
 * the production bundle with `npm start`'s flags (benchmarks).
 */
/** The runner's environment less every FEEDBACK_* variable: the test's own config file alone decides. */
function environmentWithoutOverrides(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('FEEDBACK_')));
}

export function spawnGateway(
  dir: string,
  config: Record<string, unknown>,
  options: { production?: boolean; entry?: string | undefined } = {},
): GatewayProcess {
  const file = join(dir, 'gateway.yaml');
  writeFileSync(file, stringify(config));
  const launch = options.production ? productionLaunch() : { env: {}, args: ['--import', 'tsx', 'gateway/src/main/server.ts'] };
  // Another bundle with the same flags (the benchmark's baseline gateway).
  if (options.production && options.entry) launch.args = [...launch.args.slice(0, -1), options.entry];
  const child = spawn(process.execPath, [...launch.args, '--config', file], {
    cwd: REPO_ROOT,
    env: { ...environmentWithoutOverrides(), ...launch.env },
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
