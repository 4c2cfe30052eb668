import { parse } from 'csv-parse/sync';
import type { Db } from '../../platform/store/db.ts';
import { instantFromNumber, MIN_RECORD_INSTANT, parseInstant } from '../../core/instant.ts';
import { MAX_CUSTOMERS } from '../../core/limits.ts';
import type { CustomersServed } from '../../core/device-inbox.ts';

export type { CustomersServed };

export interface ImportResult {
  imported: number;
  errors: { line: number; message: string }[];
}

/**
 * Customers served per point and period (queue system, POS, people counter, or typed in). A
 * period reported again by the same source replaces its count, so resending is harmless.
 */
export class CustomersRepo {
  private readonly upsertStmt;
  private longest = { rowid: 0, span: 0 };

  constructor(
    private readonly db: Db,
    private readonly pointExists: (pointId: string) => boolean,
  ) {
    this.upsertStmt = db.prepare(
      `INSERT INTO customers_served (point_id, starts_at, ends_at, count, source, received_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (point_id, starts_at, ends_at, source) DO UPDATE SET count = excluded.count, received_at = excluded.received_at`,
    );
  }

  /** Checks one record; returns a message naming what is wrong, or undefined. */
  problem(r: CustomersServed): string | undefined {
    if (!this.pointExists(r.pointId)) return `no point "${r.pointId}"`;
    if (Number.isNaN(instantFromNumber(r.from)) || Number.isNaN(instantFromNumber(r.to)) || r.from >= r.to)
      return '"from" must be a time before "to"';
    if (r.from < MIN_RECORD_INSTANT) return '"from" must be in the year 2000 or later';
    if (!Number.isInteger(r.count) || r.count < 0 || r.count > MAX_CUSTOMERS)
      return `"count" must be a whole number from 0 to ${MAX_CUSTOMERS}`;
    return undefined;
  }

  record(r: CustomersServed, source: string): void {
    const problem = this.problem(r);
    if (problem) throw new RangeError(problem);
    this.upsertStmt.run(r.pointId, r.from, r.to, r.count, source, Date.now());
  }

  /**
   * The periods at the points that overlap [from, to), each whole: the caller counts the part inside
   * its range (METRICS.md pro-rating). Read by the primary key (point_id, starts_at, …) between
   * `from` less the longest period stored and `to`, so the work is the periods near the range, not
   * a point's whole history. Implausible counts are never returned.
   */
  periodsOverlapping(pointIds: string[], from: number, to: number): CustomersServed[] {
    if (pointIds.length === 0) return [];
    return this.db
      .prepare(
        `SELECT point_id AS pointId, starts_at AS "from", ends_at AS "to", count FROM customers_served
         WHERE point_id IN (${pointIds.map(() => '?').join(',')}) AND starts_at >= ? AND starts_at < ? AND ends_at > ?
         AND typeof(count) = 'integer' AND count BETWEEN 0 AND ${MAX_CUSTOMERS}`,
      )
      .all(...pointIds, from - this.longestPeriod(), to, from) as CustomersServed[];
  }

  /**
   * The longest period stored, kept current by the rows added since the last look (rowids only grow
   * while no row is deleted; rows are only ever added or have their count replaced, and a table that
   * shrank is read whole again). Rows written by any connection or instance are seen.
   */
  private longestPeriod(): number {
    const top = (this.db.prepare('SELECT MAX(rowid) FROM customers_served').pluck().get() as number | null) ?? 0;
    if (top !== this.longest.rowid) {
      const since = top > this.longest.rowid ? this.longest.rowid : 0;
      const span = this.db.prepare('SELECT MAX(ends_at - starts_at) FROM customers_served WHERE rowid > ?').pluck().get(since) as
        number | null;
      this.longest = { rowid: top, span: Math.max(since === 0 ? 0 : this.longest.span, span ?? 0) };
    }
    return this.longest.span;
  }

  /** CSV with a header line pointId,from,to,count (times as ISO 8601 or epoch ms). Valid rows are kept; bad rows are listed. */
  importCsv(text: string, source = 'csv', mayUsePoint: (pointId: string) => boolean = () => true): ImportResult {
    let rows: Record<string, string>[];
    try {
      rows = parse(text, { columns: (header: string[]) => header.map((h) => h.trim()), skip_empty_lines: true, trim: true });
    } catch (error) {
      return { imported: 0, errors: [{ line: 0, message: `not valid CSV: ${(error as Error).message}` }] };
    }
    const result: ImportResult = { imported: 0, errors: [] };
    const valid: CustomersServed[] = [];
    rows.forEach((row, i) => {
      const missing = ['pointId', 'from', 'to', 'count'].filter((c) => row[c] === undefined || row[c] === '');
      if (missing.length > 0) return result.errors.push({ line: i + 2, message: `missing ${missing.join(', ')}` });
      const r = { pointId: row.pointId!, from: parseInstant(row.from!), to: parseInstant(row.to!), count: Number(row.count) };
      const problem = this.problem(r) ?? (mayUsePoint(r.pointId) ? undefined : `point "${r.pointId}" is outside your sites`);
      if (problem) return result.errors.push({ line: i + 2, message: problem });
      valid.push(r);
    });
    this.db.transaction(() => {
      for (const r of valid) this.upsertStmt.run(r.pointId, r.from, r.to, r.count, source, Date.now());
    })();
    result.imported = valid.length;
    return result;
  }
}
