import { LeanMqtt } from './lean-mqtt.ts';

export interface LoadDevice {
  id: string;
  password: string;
}

export interface LoadResult {
  presses: number;
  seconds: number;
  pressesPerSecond: number;
  /** publish → ack latency per press, ms */
  latencies: number[];
}

interface Conn {
  client: LeanMqtt;
  id: string;
  boot: number;
  seq: number;
  acked: number;
  sentAt: Map<number, number>;
}

async function connectAll(
  url: string,
  siteId: string,
  devices: LoadDevice[],
  boot: number,
  latencies: number[],
  onAck: () => void,
): Promise<Conn[]> {
  return Promise.all(
    devices.map(async (d) => {
      const client = await LeanMqtt.open(url, `bench-${d.id}-${boot}`, d.id, d.password);
      const conn: Conn = { client, id: d.id, boot, seq: 0, acked: 0, sentAt: new Map() };
      client.onPublish = (_t, payload) => {
        const { boot: ackBoot, seq } = JSON.parse(payload.toString()) as { boot: number; seq: number };
        if (ackBoot !== boot) return;
        const now = performance.now();
        for (let s = conn.acked + 1; s <= seq; s++) {
          const at = conn.sentAt.get(s);
          if (at !== undefined) latencies.push(now - at);
          conn.sentAt.delete(s);
        }
        conn.acked = Math.max(conn.acked, seq);
        onAck();
      };
      await client.subscribe(`feedback/${siteId}/${d.id}/ack`);
      return conn;
    }),
  );
}

function publish(conn: Conn, siteId: string): void {
  const seq = ++conn.seq;
  conn.sentAt.set(seq, performance.now());
  conn.client.publish(
    `feedback/${siteId}/${conn.id}/press`,
    `{"v":1,"boot":${conn.boot},"seq":${seq},"button":${seq % 4},"buttons":4,"uptimeMs":${seq}}`,
  );
}

/** As fast as the gateway acknowledges: each device keeps `window` presses in flight. */
export async function saturate(
  url: string,
  siteId: string,
  devices: LoadDevice[],
  boot: number,
  total: number,
  window = 100,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const perDevice = Math.ceil(total / devices.length);
  let conns: Conn[] = [];
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  const pump = () => {
    let finished = true;
    for (const c of conns) {
      if (c.seq < perDevice && c.seq - c.acked < window)
        c.client.burst(() => {
          while (c.seq < perDevice && c.seq - c.acked < window) publish(c, siteId);
        });
      if (c.acked < perDevice) finished = false;
    }
    if (finished) resolveDone();
  };
  conns = await connectAll(url, siteId, devices, boot, latencies, pump);
  const started = performance.now();
  pump();
  await done;
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(conns.map((c) => c.client.close()));
  const presses = perDevice * devices.length;
  return { presses, seconds, pressesPerSecond: Math.round(presses / seconds), latencies };
}

/** A steady rate spread over the devices, for latency. */
export async function steady(
  url: string,
  siteId: string,
  devices: LoadDevice[],
  boot: number,
  perSecond: number,
  seconds: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const conns = await connectAll(url, siteId, devices, boot, latencies, () => undefined);
  const started = performance.now();
  const total = perSecond * seconds;
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tickMs = 10;
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * perSecond));
      while (sent < due) publish(conns[sent++ % conns.length]!, siteId);
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, tickMs);
  });
  const deadline = performance.now() + 10_000;
  while (latencies.length < total && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await Promise.all(conns.map((c) => c.client.close()));
  return { presses: total, seconds: (performance.now() - started) / 1000, pressesPerSecond: perSecond, latencies };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
