import type { Db } from '../store/db.ts';
import type { DeviceConfig, PointConfig, SiteConfig } from '../config/schema.ts';

export interface Site {
  id: string;
  name: string;
  timeZone: string;
}

export interface Point {
  id: string;
  siteId: string;
  name: string;
}

export interface Device {
  id: string;
  siteId: string;
  pointId: string;
  kind: string;
  buttons: number | null;
  lastSeenAt: number | null;
}

/** Sites, points and devices: written from configuration at start, read by ingest and the API. */
export class TopologyRepo {
  constructor(private readonly db: Db) {}

  sync(
    sites: SiteConfig[],
    points: Pick<PointConfig, 'id' | 'siteId' | 'name'>[],
    devices: Pick<DeviceConfig, 'id' | 'pointId' | 'kind' | 'buttons'>[],
  ): void {
    const upsertSite = this.db.prepare(
      'INSERT INTO sites (id, name, time_zone) VALUES (@id, @name, @timeZone) ON CONFLICT(id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone',
    );
    const upsertPoint = this.db.prepare(
      'INSERT INTO points (id, site_id, name) VALUES (@id, @siteId, @name) ON CONFLICT(id) DO UPDATE SET site_id = excluded.site_id, name = excluded.name',
    );
    const upsertDevice = this.db.prepare(
      `INSERT INTO devices (id, site_id, point_id, kind, buttons) VALUES (@id, @siteId, @pointId, @kind, @buttons)
       ON CONFLICT(id) DO UPDATE SET site_id = excluded.site_id, point_id = excluded.point_id, kind = excluded.kind, buttons = excluded.buttons`,
    );
    const siteOfPoint = new Map(points.map((p) => [p.id, p.siteId]));
    this.db.transaction(() => {
      for (const site of sites) upsertSite.run(site);
      for (const p of points) upsertPoint.run({ id: p.id, siteId: p.siteId, name: p.name });
      for (const d of devices)
        upsertDevice.run({ id: d.id, pointId: d.pointId, kind: d.kind, buttons: d.buttons, siteId: siteOfPoint.get(d.pointId) });
    })();
  }

  sites(): Site[] {
    return this.db.prepare('SELECT id, name, time_zone AS timeZone FROM sites ORDER BY id').all() as Site[];
  }

  points(): Point[] {
    return this.db.prepare('SELECT id, site_id AS siteId, name FROM points ORDER BY site_id, id').all() as Point[];
  }

  /** Whether any answer was stored at one of the site's points (by the answers' point index). */
  siteHasAnswers(siteId: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM answers WHERE point_id IN (SELECT id FROM points WHERE site_id = ?) LIMIT 1').get(siteId) !== undefined
    );
  }

  siteOfPoint(pointId: string): string | undefined {
    return (this.db.prepare('SELECT site_id AS s FROM points WHERE id = ?').get(pointId) as { s: string } | undefined)?.s;
  }

  siteOfDevice(deviceId: string): string | undefined {
    return (this.db.prepare('SELECT site_id AS s FROM devices WHERE id = ?').get(deviceId) as { s: string } | undefined)?.s;
  }

  devices(): Device[] {
    return this.db
      .prepare('SELECT id, site_id AS siteId, point_id AS pointId, kind, buttons, last_seen_at AS lastSeenAt FROM devices ORDER BY id')
      .all() as Device[];
  }
}
