import type { Db } from '../../platform/store/db.ts';
import type { Transport } from '../../core/transport.ts';

/** A device's row as stored: what it last told the gateway about itself. */
export interface DeviceRow {
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
  lastSeenAt: number | null;
  status: string | null;
  /** answers stored for the device's current boot */
  storedSinceBoot: number;
}

/** What happened to a device's messages in one boot. */
export interface BootTally {
  boot: number;
  /** answers stored */
  stored: number;
  /** retransmissions of messages already stored */
  duplicates: number;
  /** messages refused for good, by reason */
  refused: Record<string, number>;
}

/** The devices table (what each device last reported: hello, heartbeat, status) and its per-boot tallies. */
export class DeviceRepo {
  private readonly statements;

  private readonly addTallies;

  constructor(db: Db) {
    this.statements = {
      // A new boot forgets the previous boot's press counter (the right-hand side sees the old row).
      hello: db.prepare(
        `UPDATE devices SET model = ?, firmware = ?, presses_since_boot = CASE WHEN boot IS ? THEN presses_since_boot ELSE NULL END, boot = ?,
                transport = ?, last_seen_at = ?, status = 'online' WHERE id = ?`,
      ),
      heartbeat: db.prepare(
        `UPDATE devices SET battery = ?, rssi = ?, uptime_ms = ?, presses_since_boot = ?, boot = ?, transport = ?, last_seen_at = ?, status = 'online' WHERE id = ?`,
      ),
      status: db.prepare('UPDATE devices SET status = ?, last_seen_at = MAX(COALESCE(last_seen_at, 0), ?) WHERE id = ?'),
      addTally: db.prepare(
        'INSERT INTO device_boot_tallies (device_id, boot, kind, count) VALUES (?, ?, ?, ?) ON CONFLICT (device_id, boot, kind) DO UPDATE SET count = count + excluded.count',
      ),
      storedInBoot: db.prepare('SELECT COUNT(*) AS n FROM answers WHERE device_id = ? AND boot = ?'),
      storedByBoot: db.prepare('SELECT boot, COUNT(*) AS n FROM answers WHERE device_id = ? GROUP BY boot'),
      talliesOf: db.prepare('SELECT boot, kind, count FROM device_boot_tallies WHERE device_id = ?'),
      talliesOfBoot: db.prepare('SELECT boot, kind, count FROM device_boot_tallies WHERE device_id = ? AND boot = ?'),
      list: db.prepare(
        `SELECT d.id, d.site_id AS siteId, d.point_id AS pointId, d.buttons, d.transport, d.model, d.firmware, d.boot, d.battery,
                d.rssi, d.uptime_ms AS uptimeMs, d.presses_since_boot AS pressesSinceBoot, d.last_seen_at AS lastSeenAt, d.status,
                (SELECT COUNT(*) FROM answers a WHERE a.device_id = d.id AND a.boot = d.boot) AS storedSinceBoot
         FROM devices d ORDER BY d.id`,
      ),
    };
    this.addTallies = db.transaction((rows: { deviceId: string; boot: number; kind: string; count: number }[]) => {
      for (const r of rows) this.statements.addTally.run(r.deviceId, r.boot, r.kind, r.count);
    });
  }

  /** Adds counts of duplicates ('duplicate') and refusals ('refused:<reason>') in one transaction. */
  addCounts(rows: { deviceId: string; boot: number; kind: string; count: number }[]): void {
    if (rows.length > 0) this.addTallies(rows);
  }

  /** Every boot of a device the store knows of, latest first. */
  boots(deviceId: string): BootTally[] {
    const byBoot = new Map<number, BootTally>();
    const tally = (boot: number) => byBoot.get(boot) ?? byBoot.set(boot, { boot, stored: 0, duplicates: 0, refused: {} }).get(boot)!;
    for (const r of this.statements.storedByBoot.all(deviceId) as { boot: number; n: number }[]) tally(r.boot).stored = r.n;
    addTallies(tally, this.statements.talliesOf.all(deviceId) as TallyRow[]);
    return [...byBoot.values()].sort((a, b) => b.boot - a.boot);
  }

  /** One boot's duplicates and refusals (its stored answers come with list()). */
  bootTally(deviceId: string, boot: number): Omit<BootTally, 'stored'> {
    const one = { boot, stored: 0, duplicates: 0, refused: {} };
    addTallies(() => one, this.statements.talliesOfBoot.all(deviceId, boot) as TallyRow[]);
    return { boot, duplicates: one.duplicates, refused: one.refused };
  }

  /** Answers stored for one boot of a device. */
  storedInBoot(deviceId: string, boot: number): number {
    return (this.statements.storedInBoot.get(deviceId, boot) as { n: number }).n;
  }

  recordHello(id: string, transport: Transport, hello: { model: string; firmware: string; boot: number }, at: number): void {
    this.statements.hello.run(hello.model, hello.firmware, hello.boot, hello.boot, transport, at, id);
  }

  recordHeartbeat(
    id: string,
    transport: Transport,
    hb: { boot: number; battery: number | null; rssi: number | null; uptimeMs: number; presses: number },
    at: number,
  ): void {
    this.statements.heartbeat.run(hb.battery, hb.rssi, hb.uptimeMs, hb.presses, hb.boot, transport, at, id);
  }

  recordStatus(id: string, online: boolean, at: number): void {
    this.statements.status.run(online ? 'online' : 'offline', at, id);
  }

  list(): DeviceRow[] {
    return this.statements.list.all() as DeviceRow[];
  }
}

type TallyRow = { boot: number; kind: string; count: number };

/** Adds tally rows ('duplicate', 'refused:<reason>') to the boots they belong to. */
function addTallies(tally: (boot: number) => BootTally, rows: TallyRow[]): void {
  for (const r of rows) {
    if (r.kind === 'duplicate') tally(r.boot).duplicates += r.count;
    else if (r.kind.startsWith('refused:')) tally(r.boot).refused[r.kind.slice('refused:'.length)] = r.count;
  }
}
