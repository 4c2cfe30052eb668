import type { Transport } from '../../core/transport.ts';
import type { BootTally, DeviceRepo, DeviceRow } from './device-repo.ts';
import type { Config, DeviceConfig } from '../../platform/config/schema.ts';

/** A configured device as ingest needs it. */
export interface KnownDevice extends DeviceConfig {
  siteId: string;
  sessionMode: boolean;
}

export type { Transport };

/** A device in the registry: its row, its health, and what happened to its messages in the current boot. */
export interface DeviceView extends Omit<DeviceRow, 'status' | 'storedSinceBoot'> {
  /** presses the device reported since boot that never arrived (heartbeat count − stored − refused) */
  lostSinceBoot: number | null;
  /** retransmissions of already stored messages in the current boot */
  duplicatesSinceBoot: number;
  /** messages of the current boot refused for good, by reason */
  refusedSinceBoot: Record<string, number>;
  online: boolean;
}

/** Presses a device counted in a boot that were neither stored nor refused (PROTOCOL.md: lost = counted − stored − refused). */
function lostPresses(counted: number, stored: number, refused: Record<string, number>): number {
  return Math.max(0, counted - stored - Object.values(refused).reduce((a, b) => a + b, 0));
}

/** The device registry: who may send, and what each device last told us about itself. */
export class DeviceRegistry {
  private known = new Map<string, KnownDevice>();
  /** counts not yet written: key device, boot, kind */
  private pending = new Map<string, { deviceId: string; boot: number; kind: string; count: number }>();

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

  recordHeartbeat(
    id: string,
    transport: Transport,
    hb: { boot: number; battery: number | null; rssi: number | null; uptimeMs: number; presses: number },
    at: number,
  ): void {
    this.repo.recordHeartbeat(id, transport, hb, at);
  }

  recordStatus(id: string, online: boolean, at: number): void {
    this.repo.recordStatus(id, online, at);
  }

  /** Counts a duplicate or a refusal (kind 'duplicate' or 'refused:<reason>'); written by flushCounts, in batches. */
  count(deviceId: string, boot: number, kind: string): void {
    this.addPending({ deviceId, boot, kind, count: 1 });
  }

  private addPending(r: { deviceId: string; boot: number; kind: string; count: number }): void {
    const key = `${r.deviceId}\u0000${r.boot}\u0000${r.kind}`;
    const entry = this.pending.get(key);
    if (entry) entry.count += r.count;
    else this.pending.set(key, { ...r });
  }

  /** Writes the pending counts; kept for the next try when the store refuses them. */
  flushCounts(): void {
    if (this.pending.size === 0) return;
    const rows = [...this.pending.values()];
    this.pending = new Map();
    try {
      this.repo.addCounts(rows);
    } catch (error) {
      for (const r of rows) this.addPending(r);
      throw error;
    }
  }

  /** A configured device's boots, latest first (undefined for a device not configured). */
  boots(deviceId: string, limit: number): BootTally[] | undefined {
    if (!this.known.has(deviceId)) return undefined;
    this.flushCounts();
    return this.repo.boots(deviceId).slice(0, limit);
  }

  /** Presses a device's counter says it made in a boot that were neither stored nor refused (PROTOCOL.md: lost). */
  lostInBoot(deviceId: string, boot: number, presses: number): number {
    this.flushCounts();
    return lostPresses(presses, this.repo.storedInBoot(deviceId, boot), this.repo.bootTally(deviceId, boot).refused);
  }

  list(now = Date.now()): DeviceView[] {
    this.flushCounts();
    return this.repo.list().map(({ status, storedSinceBoot, ...row }) => {
      const current = row.boot === null ? undefined : this.repo.bootTally(row.id, row.boot);
      const refused = current?.refused ?? {};
      return {
        ...row,
        lostSinceBoot: row.pressesSinceBoot === null ? null : lostPresses(row.pressesSinceBoot, storedSinceBoot, refused),
        duplicatesSinceBoot: current?.duplicates ?? 0,
        refusedSinceBoot: refused,
        online: status !== 'offline' && row.lastSeenAt !== null && now - row.lastSeenAt < this.offlineAfterMs,
      };
    });
  }
}
