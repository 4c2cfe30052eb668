import type { Transport } from '../domain/transport.ts';
import type { Db } from '../store/db.ts';
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
  private readonly statements;

  constructor(
    private readonly db: Db,
    private readonly offlineAfterMs: number,
  ) {
    this.statements = {
      hello: db.prepare('UPDATE devices SET model = ?, firmware = ?, boot = ?, transport = ?, last_seen_at = ?, status = ? WHERE id = ?'),
      heartbeat: db.prepare(
        'UPDATE devices SET battery = ?, rssi = ?, uptime_ms = ?, presses_since_boot = ?, boot = ?, transport = ?, last_seen_at = ?, status = ? WHERE id = ?',
      ),
      status: db.prepare('UPDATE devices SET status = ?, last_seen_at = MAX(COALESCE(last_seen_at, 0), ?) WHERE id = ?'),
      list: db.prepare(
        `SELECT d.id, d.site_id AS siteId, d.point_id AS pointId, d.buttons, d.transport, d.model, d.firmware, d.boot, d.battery,
                d.rssi, d.uptime_ms AS uptimeMs, d.presses_since_boot AS pressesSinceBoot, d.last_seen_at AS lastSeenAt, d.status,
                (SELECT COUNT(*) FROM answers a WHERE a.device_id = d.id AND a.boot = d.boot) AS storedSinceBoot
         FROM devices d ORDER BY d.id`,
      ),
    };
  }

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
    this.statements.hello.run(hello.model, hello.firmware, hello.boot, transport, at, 'online', id);
  }

  recordHeartbeat(
    id: string,
    transport: Transport,
    hb: { boot: number; battery: number | null; rssi: number | null; uptimeMs: number; presses: number },
    at: number,
  ): void {
    this.statements.heartbeat.run(hb.battery, hb.rssi, hb.uptimeMs, hb.presses, hb.boot, transport, at, 'online', id);
  }

  recordStatus(id: string, online: boolean, at: number): void {
    this.statements.status.run(online ? 'online' : 'offline', at, id);
  }

  list(now = Date.now()): DeviceView[] {
    const rows = this.statements.list.all() as (Omit<DeviceView, 'online' | 'lostSinceBoot'> & { status: string | null; storedSinceBoot: number })[];
    return rows.map(({ status, storedSinceBoot, ...row }) => ({
      ...row,
      lostSinceBoot: row.pressesSinceBoot === null ? null : Math.max(0, row.pressesSinceBoot - storedSinceBoot),
      online: status !== 'offline' && row.lastSeenAt !== null && now - row.lastSeenAt < this.offlineAfterMs,
    }));
  }
}
