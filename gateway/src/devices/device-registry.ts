import type { Transport } from '../domain/transport.ts';
import type { DeviceRepo } from './device-repo.ts';
import type { Config, DeviceConfig } from '../config/schema.ts';

/** A configured device as ingest needs it. */
export interface KnownDevice extends DeviceConfig {
  siteId: string;
  sessionMode: boolean;
}

export type { Transport };

export interface DeviceView {
  id: string;
  siteId: string;
  pointId: string;
  buttons: number | null;
  transport: string | null;
  model: string | null;
  firmware: string | null;
  boot: number | null;
  battery: number | null;
  rssi: number | null;
  uptimeMs: number | null;
  pressesSinceBoot: number | null;
  /** presses the device reported since boot that never arrived (heartbeat count − stored) */
  lostSinceBoot: number | null;
  lastSeenAt: number | null;
  online: boolean;
}

/** The device registry: who may send, and what each device last told us about itself. */
export class DeviceRegistry {
  private known = new Map<string, KnownDevice>();

  constructor(
    private readonly repo: DeviceRepo,
    private readonly offlineAfterMs: number,
  ) {}

  load(config: Config): void {
    const points = new Map(config.points.map((p) => [p.id, p]));
    this.known = new Map(
      config.devices.map((d) => {
        const point = points.get(d.pointId)!;
        return [d.id, { ...d, siteId: point.siteId, sessionMode: point.sessionMode }];
      }),
    );
  }

  get(id: string): KnownDevice | undefined {
    return this.known.get(id);
  }

  all(): KnownDevice[] {
    return [...this.known.values()];
  }

  recordHello(id: string, transport: Transport, hello: { model: string; firmware: string; boot: number }, at: number): void {
    this.repo.recordHello(id, transport, hello, at);
  }

  recordHeartbeat(id: string, transport: Transport, hb: { boot: number; battery: number | null; rssi: number | null; uptimeMs: number; presses: number }, at: number): void {
    this.repo.recordHeartbeat(id, transport, hb, at);
  }

  recordStatus(id: string, online: boolean, at: number): void {
    this.repo.recordStatus(id, online, at);
  }

  list(now = Date.now()): DeviceView[] {
    return this.repo.list().map(({ status, storedSinceBoot, ...row }) => ({
      ...row,
      lostSinceBoot: row.pressesSinceBoot === null ? null : Math.max(0, row.pressesSinceBoot - storedSinceBoot),
      online: status !== 'offline' && row.lastSeenAt !== null && now - row.lastSeenAt < this.offlineAfterMs,
    }));
  }
}
