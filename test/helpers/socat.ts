import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface PtyPair {
  /** the end the gateway opens */
  gatewayPath: string;
  /** the end the simulated device opens */
  devicePath: string;
  /** kills socat: both ends vanish, as when a USB cable is pulled */
  stop(): Promise<void>;
  /** starts socat again with the same two paths */
  restart(): Promise<void>;
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A pair of linked pseudo-terminals made by socat (apt-get install socat). */
export async function ptyPair(dir: string): Promise<PtyPair> {
  const gatewayPath = join(dir, 'tty-gateway');
  const devicePath = join(dir, 'tty-device');
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('socat', [`pty,raw,echo=0,link=${gatewayPath}`, `pty,raw,echo=0,link=${devicePath}`], { stdio: 'ignore' });
    child.once('error', (error) => {
      throw new Error(`socat could not start (apt-get install socat): ${error.message}`);
    });
    await waitFor(() => existsSync(gatewayPath) && existsSync(devicePath), 5000, 'socat ptys');
  };
  const stop = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await exited;
    await waitFor(() => !existsSync(gatewayPath) && !existsSync(devicePath), 5000, 'socat links to go');
  };
  await start();
  return { gatewayPath, devicePath, stop, restart: start };
}
