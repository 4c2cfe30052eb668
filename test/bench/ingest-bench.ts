import { readFileSync } from 'node:fs';
import { tempDir } from '../helpers/temp-dir.ts';
import { productionCommand, productionLaunch, spawnGateway, waitForBanner, type GatewayProcess } from '../helpers/gateway-process.ts';
import { ptyPair } from '../helpers/socat.ts';
import { sqliteBaseline } from './sqlite-baseline.ts';
import { percentile, saturate, steady } from './mqtt-load.ts';
import { serialSaturate } from './serial-load.ts';

/** Peak resident set size of a process, from the kernel's high-water mark. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A bench gateway: one site and point, the given MQTT devices, free ports, quiet logs, no demo. */
function benchConfig(dataDir: string, devices: { id: string; password: string }[], timeZone: string): Record<string, unknown> {
  return {
    dataDir,
    http: { host: '127.0.0.1', port: 0 },
    mqtt: { embedded: { host: '127.0.0.1', port: 0 } },
    log: { level: 'error' },
    demo: { mode: 'off' },
    sites: [{ id: 'bench', name: 'Bench', timeZone }],
    points: [{ id: 'desk', siteId: 'bench', name: 'Desk' }],
    devices: devices.map((d) => ({ id: d.id, pointId: 'desk', buttons: 4, responseIntervalMs: 0, mqttPassword: d.password })),
  };
}

/**
 * Durable presses per second through MQTT into two production gateways, measured in turn (three
 * runs each) so that both see the same machine: `with` as `npm start` runs it, `without` from a
 * bench entry that leaves a part out.
 */
async function costEndToEnd(
  log: (line: string) => void,
  part: string,
  withoutEntry: string,
): Promise<{ with: number; without: number; runs: Record<'with' | 'without', number[]> }> {
  const devices = Array.from({ length: 50 }, (_, i) => ({ id: `load-${i + 1}`, password: `load-secret-${i + 1}` }));
  const config = (dataDir: string) => benchConfig(dataDir, devices, 'Europe/Berlin');
  const runs: Record<'with' | 'without', number[]> = { with: [], without: [] };
  const dirs = { with: tempDir('fb-bench-with-'), without: tempDir('fb-bench-without-') };
  const gateways: Partial<Record<'with' | 'without', GatewayProcess>> = {};
  try {
    const urls: Partial<Record<'with' | 'without', string>> = {};
    for (const kind of ['with', 'without'] as const) {
      gateways[kind] = spawnGateway(dirs[kind].path, config(dirs[kind].path), {
        production: true,
        entry: kind === 'without' ? withoutEntry : undefined,
      });
      urls[kind] = (await waitForBanner(gateways[kind]!)).mqttUrl;
    }
    for (let run = 0; run < 3; run++) {
      for (const kind of ['with', 'without'] as const) {
        log(`end-to-end ${kind} ${part}, run ${run + 1} of 3`);
        runs[kind].push((await saturate(urls[kind]!, 'bench', devices, 20 + run, 60_000)).pressesPerSecond);
      }
    }
  } finally {
    for (const g of Object.values(gateways)) {
      if (g && g.child.exitCode === null) {
        g.child.kill('SIGTERM');
        await g.exited;
      }
    }
    dirs.with.remove();
    dirs.without.remove();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  return { with: median(runs.with), without: median(runs.without), runs };
}

/** What the rollups cost end to end: presses/s with and without them (gateway/scripts/bench-server.ts). */
export async function rollupCostEndToEnd(log: (line: string) => void): Promise<Record<string, unknown>> {
  const r = await costEndToEnd(log, 'rollups', 'gateway/dist/bench-server.mjs');
  return {
    pattern: 'presses through MQTT into the production gateway, acknowledged = committed (median of 3)',
    pressesPerSecondWithoutRollups: r.without,
    pressesPerSecondWithRollups: r.with,
    runs: r.runs,
    addedCostPercent: Math.round(1000 * (r.without / r.with - 1)) / 10,
  };
}

/** What counting people costs end to end: presses/s with and without `responses` and the response rollups (the answer rollups kept in both). */
export async function responseCostEndToEnd(log: (line: string) => void): Promise<Record<string, unknown>> {
  const r = await costEndToEnd(log, 'response rollups', 'gateway/dist/bench-server-without-responses.mjs');
  const slower = 100 * (1 - r.with / r.without);
  return {
    pattern: 'presses through MQTT into the production gateway, acknowledged = committed (median of 3), same run',
    durablePressesPerSecondWithoutResponses: r.without,
    durablePressesPerSecondWithResponses: r.with,
    runs: r.runs,
    ratio: Math.round((1000 * r.with) / r.without) / 1000,
    slowerPercent: Math.round(10 * slower) / 10,
    targetSlowerPercent: 10,
    meetsTarget: slower <= 10,
  };
}

/** Median durable MQTT presses/s (3 runs of 100,000) into a fresh production gateway with the given synchronous setting. */
async function mqttRateWith(devices: { id: string; password: string }[], synchronous: 'full' | 'normal'): Promise<number> {
  const dir = tempDir(`fb-bench-sync-${synchronous}-`);
  const gateway = spawnGateway(dir.path, { ...benchConfig(dir.path, devices, 'UTC'), store: { synchronous } }, { production: true });
  try {
    const { mqttUrl } = await waitForBanner(gateway);
    await saturate(mqttUrl, 'bench', devices.slice(0, 10), 1, 5_000);
    const rates = [];
    for (let run = 0; run < 3; run++) rates.push((await saturate(mqttUrl, 'bench', devices, 30 + run, 100_000)).pressesPerSecond);
    return [...rates].sort((a, b) => a - b)[1]!;
  } finally {
    if (gateway.child.exitCode === null) {
      gateway.child.kill('SIGTERM');
      await gateway.exited;
    }
    dir.remove();
  }
}

/** Issue 3's benchmark: durable ingest through MQTT and serial against raw SQLite, latency, RSS. */
export async function ingestBench(log: (line: string) => void): Promise<Record<string, unknown>> {
  const dir = tempDir('fb-bench-');
  const devices = Array.from({ length: 50 }, (_, i) => ({ id: `load-${i + 1}`, password: `load-secret-${i + 1}` }));
  const serialId = '00000bee';
  const pty = await ptyPair(dir.path);
  let gateway: GatewayProcess | undefined;
  try {
    log('baseline: raw batched better-sqlite3 inserts');
    const baseline = sqliteBaseline(dir.path);

    gateway = spawnGateway(
      dir.path,
      {
        dataDir: dir.path,
        http: { host: '127.0.0.1', port: 0 },
        mqtt: { embedded: { host: '127.0.0.1', port: 0 } },
        serial: { ports: [{ path: pty.gatewayPath }] },
        log: { level: 'error' },
        demo: { mode: 'off' },
        sites: [{ id: 'bench', name: 'Bench', timeZone: 'UTC' }],
        points: [{ id: 'desk', siteId: 'bench', name: 'Desk' }],
        devices: [
          ...devices.map((d) => ({ id: d.id, pointId: 'desk', buttons: 4, responseIntervalMs: 0, mqttPassword: d.password })),
          { id: serialId, pointId: 'desk', buttons: 4, responseIntervalMs: 0 },
        ],
      },
      { production: true },
    );
    const { mqttUrl } = await waitForBanner(gateway);
    const pid = gateway.child.pid!;

    log('warm-up');
    await saturate(mqttUrl, 'bench', devices.slice(0, 10), 1, 5_000);
    log('MQTT: 50 devices, as fast as acknowledged (3 runs of 100,000)');
    const mqttRuns = [];
    for (let run = 0; run < 3; run++) mqttRuns.push(await saturate(mqttUrl, 'bench', devices, 10 + run, 100_000));
    const mqttRun = [...mqttRuns].sort((a, b) => a.pressesPerSecond - b.pressesPerSecond)[1]!;
    log('serial: one line, as fast as acknowledged');
    const serialRun = await serialSaturate(pty.devicePath, 0xbee, 30_000);
    log('latency: steady 1,000 presses/s for 10 s over 50 devices');
    const latencyRun = await steady(mqttUrl, 'bench', devices, 3, 1000, 10);
    const rss = peakRssMb(pid);
    log('durability: the same MQTT runs against a gateway with store.synchronous = normal');
    const normalRate = await mqttRateWith(devices, 'normal');
    return {
      durability: {
        default: 'full',
        full: { durablePressesPerSecond: mqttRun.pressesPerSecond, guarantee: 'an acknowledged press survives a power cut' },
        normal: { durablePressesPerSecond: normalRate, guarantee: 'an acknowledged press survives a gateway crash, not a power cut' },
        fullToNormal: round(mqttRun.pressesPerSecond / normalRate, 3),
      },
      baseline: { rawSqliteInsertsPerSecond: baseline.rowsPerSecond },
      mqtt: {
        devices: devices.length,
        durablePressesPerSecond: mqttRun.pressesPerSecond,
        runs: mqttRuns.map((r) => r.pressesPerSecond),
        presses: mqttRun.presses,
        ratioToRawSqlite: round(mqttRun.pressesPerSecond / baseline.rowsPerSecond, 3),
        target: 20_000,
        meetsTarget: mqttRun.pressesPerSecond >= 20_000,
      },
      serial: {
        durablePressesPerSecond: serialRun.pressesPerSecond,
        presses: serialRun.presses,
        ratioToRawSqlite: round(serialRun.pressesPerSecond / baseline.rowsPerSecond, 3),
      },
      latencyAt1000PerSecond: {
        acked: latencyRun.latencies.length,
        p50Ms: round(percentile(latencyRun.latencies, 50)),
        p99Ms: round(percentile(latencyRun.latencies, 99)),
        targetP99Ms: 20,
        meetsTarget: percentile(latencyRun.latencies, 99) <= 20,
      },
      gatewayPeakRssMb: {
        value: rss,
        target: 150,
        meetsTarget: rss <= 150,
        nodeFlags: productionCommand().slice(0, -1),
        environment: productionLaunch().env,
      },
      note: 'The load generator shares the 2 cores with the gateway; rates are the median of three runs.',
    };
  } finally {
    if (gateway && gateway.child.exitCode === null) {
      gateway.child.kill('SIGTERM');
      await gateway.exited;
    }
    await pty.stop();
    dir.remove();
  }
}
