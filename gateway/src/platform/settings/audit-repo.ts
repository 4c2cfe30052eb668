import type { Db } from '../store/db.ts';

export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  /** create, update, delete, replace, import, export, seed; or a route's own verb (user.create, token.revoke) */
  action: string;
  /** what changed: "points/desk-1", "webhooks", "catalog", "users/3" */
  target: string;
  before: unknown;
  after: unknown;
}

/** Who changed what, when. Rows are only added; callers leave secrets out of before and after. */
export class AuditRepo {
  constructor(private readonly db: Db) {}

  record(entry: Omit<AuditEntry, 'id'>): void {
    const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
    this.db
      .prepare('INSERT INTO audit_log (at, actor, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?)')
      .run(entry.at, entry.actor, entry.action, entry.target, json(entry.before), json(entry.after));
  }

  /** Newest first; `beforeId` pages back. */
  list(options: { limit: number; beforeId?: number | undefined; target?: string | undefined }): AuditEntry[] {
    const rows = this.db
      .prepare(
        `SELECT id, at, actor, action, target, before, after FROM audit_log
         WHERE (@beforeId IS NULL OR id < @beforeId) AND (@target IS NULL OR target = @target OR target LIKE @target || '/%')
         ORDER BY id DESC LIMIT @limit`,
      )
      .all({ limit: options.limit, beforeId: options.beforeId ?? null, target: options.target ?? null }) as (Omit<
      AuditEntry,
      'before' | 'after'
    > & { before: string | null; after: string | null })[];
    return rows.map((r) => ({
      ...r,
      before: r.before === null ? null : (JSON.parse(r.before) as unknown),
      after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    }));
  }
}
