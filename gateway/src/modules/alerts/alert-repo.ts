import type { Db } from '../../platform/store/db.ts';
import { Where } from '../../platform/store/sql-where.ts';
import type { Alert, AlertStatus } from './alert.ts';

export type { Alert, AlertStatus };

const COLUMNS = `id, rule_id AS ruleId, point_id AS pointId, kind, status, fired_at AS firedAt, value, n, message, params,
  acknowledged_by AS acknowledgedBy, acknowledged_at AS acknowledgedAt, comment, closed_at AS closedAt`;

type AlertRow = Omit<Alert, 'params'> & { params: string | null };
const fromRow = (row: AlertRow): Alert => ({
  ...row,
  params: row.params === null ? null : (JSON.parse(row.params) as Record<string, string | number>),
});

/** Alerts as they fire, are acknowledged and close. */
export class AlertRepo {
  constructor(private readonly db: Db) {}

  /** The alert of a rule at a point that has not closed yet. */
  active(ruleId: string, pointId: string): Alert | undefined {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM alerts WHERE rule_id = ? AND point_id = ? AND status != 'closed'`)
      .get(ruleId, pointId) as AlertRow | undefined;
    return row && fromRow(row);
  }

  get(id: number): Alert | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM alerts WHERE id = ?`).get(id) as AlertRow | undefined;
    return row && fromRow(row);
  }

  /** Newest first; pointIds, when given, limits the list to those points (a user's sites). */
  list(filter: {
    status?: AlertStatus | undefined;
    pointId?: string | undefined;
    pointIds?: string[] | undefined;
    limit: number;
  }): Alert[] {
    const where = new Where()
      .add('status = ?', [filter.status], filter.status !== undefined)
      .add('point_id = ?', [filter.pointId], filter.pointId !== undefined)
      .in('point_id', filter.pointIds);
    return (
      this.db.prepare(`SELECT ${COLUMNS} FROM alerts ${where} ORDER BY id DESC LIMIT ?`).all(...where.params, filter.limit) as AlertRow[]
    ).map(fromRow);
  }

  fire(a: {
    ruleId: string;
    pointId: string;
    kind: string;
    firedAt: number;
    value: number | null;
    n: number;
    message: string;
    params: Record<string, string | number>;
  }): Alert {
    const { lastInsertRowid } = this.db
      .prepare(
        "INSERT INTO alerts (rule_id, point_id, kind, status, fired_at, value, n, message, params) VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?)",
      )
      .run(a.ruleId, a.pointId, a.kind, a.firedAt, a.value, a.n, a.message, JSON.stringify(a.params));
    return this.get(Number(lastInsertRowid))!;
  }

  acknowledge(id: number, by: string, comment: string | null, at: number): Alert | undefined {
    const { changes } = this.db
      .prepare(
        "UPDATE alerts SET status = 'acknowledged', acknowledged_by = ?, acknowledged_at = ?, comment = ? WHERE id = ? AND status = 'open'",
      )
      .run(by, at, comment, id);
    return changes ? this.get(id) : undefined;
  }

  close(id: number, at: number): Alert {
    this.db.prepare("UPDATE alerts SET status = 'closed', closed_at = ? WHERE id = ?").run(at, id);
    return this.get(id)!;
  }
}
