import type { Db } from '../../platform/store/db.ts';

export type ReportKind = 'weekly' | 'on_demand';
export type ReportFormat = 'html' | 'pdf' | 'xlsx';

export interface ReportRow {
  id: number;
  siteId: string;
  kind: ReportKind;
  periodFrom: number;
  periodTo: number;
  createdAt: number;
  createdBy: string;
  status: 'pending' | 'ready' | 'failed';
  error: string | null;
}

const COLUMNS =
  'id, site_id AS siteId, kind, period_from AS periodFrom, period_to AS periodTo, created_at AS createdAt, created_by AS createdBy, status, error';

/** Reports as made (their files kept in the store), whom they were sent to, and the raw answers a report reads. */
export class ReportRepo {
  constructor(private readonly db: Db) {}

  /** Claims a report; for a weekly one undefined when the site's week already has one (made once, whatever restarts). */
  claim(r: {
    siteId: string;
    kind: ReportKind;
    periodFrom: number;
    periodTo: number;
    createdBy: string;
    at: number;
  }): ReportRow | undefined {
    const { changes, lastInsertRowid } = this.db
      .prepare(
        "INSERT OR IGNORE INTO reports (site_id, kind, period_from, period_to, created_at, created_by, status) VALUES (?, ?, ?, ?, ?, ?, 'pending')",
      )
      .run(r.siteId, r.kind, r.periodFrom, r.periodTo, r.at, r.createdBy);
    return changes === 1 ? this.get(Number(lastInsertRowid)) : undefined;
  }

  get(id: number): ReportRow | undefined {
    return this.db.prepare(`SELECT ${COLUMNS} FROM reports WHERE id = ?`).get(id) as ReportRow | undefined;
  }

  /** Weekly reports left pending by a crash or a stop mid-way: made again at the next start. */
  /** The end of a site's latest weekly report (made or claimed), or undefined before its first. */
  latestWeeklyEnd(siteId: string): number | undefined {
    const row = this.db.prepare("SELECT MAX(period_to) AS end FROM reports WHERE kind = 'weekly' AND site_id = ?").get(siteId) as {
      end: number | null;
    };
    return row.end ?? undefined;
  }

  pendingWeekly(): ReportRow[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM reports WHERE kind = 'weekly' AND status = 'pending' ORDER BY id`).all() as ReportRow[];
  }

  list(siteIds: string[] | undefined, limit: number): ReportRow[] {
    const where = siteIds ? `WHERE site_id IN (${siteIds.map(() => '?').join(',')})` : '';
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM reports ${where} ORDER BY period_from DESC, id DESC LIMIT ?`)
      .all(...(siteIds ?? []), limit) as ReportRow[];
  }

  /** Stores the files and marks the report ready, in one transaction. */
  complete(id: number, files: Record<ReportFormat, Buffer>): void {
    this.db.transaction(() => {
      const insert = this.db.prepare('INSERT OR REPLACE INTO report_files (report_id, format, content) VALUES (?, ?, ?)');
      for (const [format, content] of Object.entries(files)) insert.run(id, format, content);
      this.db.prepare("UPDATE reports SET status = 'ready', error = NULL WHERE id = ?").run(id);
    })();
  }

  fail(id: number, error: string): void {
    this.db.prepare("UPDATE reports SET status = 'failed', error = ? WHERE id = ?").run(error.slice(0, 1000), id);
  }

  file(id: number, format: ReportFormat): Buffer | undefined {
    return (
      this.db.prepare('SELECT content FROM report_files WHERE report_id = ? AND format = ?').get(id, format) as
        { content: Buffer } | undefined
    )?.content;
  }

  delivered(id: number): Set<string> {
    return new Set(
      (
        this.db.prepare('SELECT recipient FROM report_deliveries WHERE report_id = ? AND error IS NULL').all(id) as { recipient: string }[]
      ).map((r) => r.recipient),
    );
  }

  recordDelivery(id: number, recipient: string, at: number, error: string | null): void {
    this.db
      .prepare('INSERT OR REPLACE INTO report_deliveries (report_id, recipient, at, error) VALUES (?, ?, ?, ?)')
      .run(id, recipient, at, error);
  }

  deliveries(id: number): { recipient: string; at: number; error: string | null }[] {
    return this.db.prepare('SELECT recipient, at, error FROM report_deliveries WHERE report_id = ? ORDER BY recipient').all(id) as {
      recipient: string;
      at: number;
      error: string | null;
    }[];
  }

  /** Counted ratings at a site in a period (for where negative answers concentrate). */
  ratings(siteId: string, from: number, to: number): { pointId: string; scale: string; value: number; occurredAt: number }[] {
    return this.db
      .prepare(
        'SELECT point_id AS pointId, scale, value, occurred_at AS occurredAt FROM answers WHERE site_id = ? AND occurred_at >= ? AND occurred_at < ? AND misuse = 0 AND value IS NOT NULL',
      )
      .all(siteId, from, to) as { pointId: string; scale: string; value: number; occurredAt: number }[];
  }
}
