import type { Db } from '../../platform/store/db.ts';
import { Where } from '../../platform/store/sql-where.ts';
import {
  confirmationFromDb,
  confirmationToDb,
  type Case,
  type CaseCategory,
  type CaseDeadline,
  type CaseEvent,
  type CaseStatus,
  type CustomerConfirmation,
  type DeadlineKind,
  type Severity,
} from './case.ts';

const COLUMNS = `id, site_id AS siteId, point_id AS pointId, origin, source_key AS sourceKey, category, subcategory, severity, status,
  department, owner, escalated_to AS escalatedTo, summary, contact, opened_at AS openedAt, acknowledged_at AS acknowledgedAt,
  resolved_at AS resolvedAt, closed_at AS closedAt, overdue_at AS overdueAt, root_cause AS rootCause,
  customer_confirmed AS customerConfirmed, follow_up AS followUp, repeat_of AS repeatOf`;

type CaseRow = Omit<Case, 'customerConfirmed' | 'deadlines'> & { customerConfirmed: number | null };

/** What a new case is stored with: the case's own fields before any handling, and its deadlines. */
export type NewCase = Pick<
  Case,
  | 'siteId'
  | 'pointId'
  | 'origin'
  | 'sourceKey'
  | 'category'
  | 'subcategory'
  | 'severity'
  | 'department'
  | 'owner'
  | 'summary'
  | 'contact'
  | 'openedAt'
  | 'repeatOf'
> & { deadlines: { kind: DeadlineKind; dueAt: number }[] };

export interface CaseFilter {
  siteIds?: string[] | undefined;
  status?: CaseStatus | undefined;
  /** overdue at this instant: not closed, with a deadline due by then and not met */
  overdueAt?: number | undefined;
  /** ever overdue: a deadline was missed at some time (even if the case caught up since) */
  wasOverdue?: boolean | undefined;
  pointId?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  /** closed in [closedFrom, closedTo) */
  closedFrom?: number | undefined;
  closedTo?: number | undefined;
  limit: number;
}

/** The history action of a resolved case put back in progress. */
export const REOPENED = 'status resolved → in_progress';

/** A deadline with what the programme figures need of its case. */
export type DueDeadline = CaseDeadline & { caseId: number; customerConfirmed: CustomerConfirmation | null; reopened: boolean };

/** A deadline that fell due without being met, with what the escalation needs. */
export interface MissedDeadline {
  caseId: number;
  kind: DeadlineKind;
  dueAt: number;
}

/** Cases, their deadlines and their history. */
export class CaseRepo {
  constructor(private readonly db: Db) {}

  private withDeadlines(row: CaseRow): Case {
    const deadlines = this.db
      .prepare(
        "SELECT kind, due_at AS dueAt, met_at AS metAt, missed_at AS missedAt FROM case_deadlines WHERE case_id = ? ORDER BY CASE kind WHEN 'respond' THEN 1 WHEN 'plan' THEN 2 ELSE 3 END",
      )
      .all(row.id) as CaseDeadline[];
    return { ...row, customerConfirmed: confirmationFromDb(row.customerConfirmed), deadlines };
  }

  get(id: number): Case | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM cases WHERE id = ?`).get(id) as CaseRow | undefined;
    return row && this.withDeadlines(row);
  }

  bySource(sourceKey: string): Case | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM cases WHERE source_key = ?`).get(sourceKey) as CaseRow | undefined;
    return row && this.withDeadlines(row);
  }

  /** Newest first. */
  list(filter: CaseFilter): Case[] {
    const where = new Where()
      .in('site_id', filter.siteIds)
      .add('status = ?', [filter.status], filter.status !== undefined)
      .add('point_id = ?', [filter.pointId], filter.pointId !== undefined)
      .add(
        `status != 'closed' AND EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = cases.id AND d.met_at IS NULL AND d.due_at <= ?)`,
        [filter.overdueAt],
        filter.overdueAt !== undefined,
      )
      .add('overdue_at IS NOT NULL', [], filter.wasOverdue === true)
      .add('opened_at >= ?', [filter.from], filter.from !== undefined)
      .add('opened_at < ?', [filter.to], filter.to !== undefined)
      .add('closed_at >= ?', [filter.closedFrom], filter.closedFrom !== undefined)
      .add('closed_at < ?', [filter.closedTo], filter.closedTo !== undefined);
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM cases ${where} ORDER BY id DESC LIMIT ?`)
      .all(...where.params, filter.limit) as CaseRow[];
    return rows.map((r) => this.withDeadlines(r));
  }

  /**
   * Stores a new case with its deadlines and its first history line; undefined when a case with
   * the same source already exists (the same answer or alert never opens two).
   */
  create(c: NewCase, actor: string): Case | undefined {
    return this.db.transaction(() => {
      const { changes, lastInsertRowid } = this.db
        .prepare(
          `INSERT OR IGNORE INTO cases (site_id, point_id, origin, source_key, category, subcategory, severity, status, department, owner, summary, contact, opened_at, repeat_of)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          c.siteId,
          c.pointId,
          c.origin,
          c.sourceKey,
          c.category,
          c.subcategory,
          c.severity,
          c.department,
          c.owner,
          c.summary,
          c.contact,
          c.openedAt,
          c.repeatOf,
        );
      if (changes === 0) return undefined;
      const id = Number(lastInsertRowid);
      const deadline = this.db.prepare('INSERT INTO case_deadlines (case_id, kind, due_at) VALUES (?, ?, ?)');
      for (const d of c.deadlines) deadline.run(id, d.kind, d.dueAt);
      this.event(id, c.openedAt, actor, 'opened', `${c.origin}; severity ${c.severity}; ${c.category}`);
      return this.get(id);
    })();
  }

  event(caseId: number, at: number, actor: string, action: string, detail: string | null): void {
    this.db
      .prepare('INSERT INTO case_events (case_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)')
      .run(caseId, at, actor, action, detail);
  }

  history(caseId: number): CaseEvent[] {
    return this.db
      .prepare('SELECT id, case_id AS caseId, at, actor, action, detail FROM case_events WHERE case_id = ? ORDER BY id')
      .all(caseId) as CaseEvent[];
  }

  /**
   * The earliest other case at a point opened in [since, before] with the same subcategory, or
   * the same root cause (a repeat complaint links it); null when neither is given or none matches.
   */
  earlierAt(
    pointId: string,
    same: { subcategory?: string | null; rootCause?: string | null },
    since: number,
    before: number,
    except?: number,
  ): number | null {
    const row = this.db
      .prepare(
        `SELECT id FROM cases WHERE point_id = ? AND opened_at >= ? AND opened_at <= ? AND id != ?
           AND ((? IS NOT NULL AND subcategory = ?) OR (? IS NOT NULL AND root_cause = ?)) ORDER BY opened_at, id LIMIT 1`,
      )
      .get(
        pointId,
        since,
        before,
        except ?? -1,
        same.subcategory ?? null,
        same.subcategory ?? null,
        same.rootCause ?? null,
        same.rootCause ?? null,
      ) as { id: number } | undefined;
    return row?.id ?? null;
  }

  /** Links a case to the earlier case it repeats, once. */
  linkRepeat(id: number, repeatOf: number): void {
    this.db.prepare('UPDATE cases SET repeat_of = ? WHERE id = ? AND repeat_of IS NULL').run(repeatOf, id);
  }

  /** A further note of the same response: the summary gains it, a contact given now is kept. */
  amend(id: number, summary: string, contact: string | null): void {
    this.db.prepare('UPDATE cases SET summary = ?, contact = COALESCE(contact, ?) WHERE id = ?').run(summary, contact, id);
  }

  /** Takes back the credit of a met deadline (a reopened case is no longer resolved in time). */
  unmeetDeadline(id: number, kind: DeadlineKind): void {
    this.db.prepare('UPDATE case_deadlines SET met_at = NULL WHERE case_id = ? AND kind = ?').run(id, kind);
  }

  /** Moves a case to a status, stamping what the status records; the caller checked the transition. */
  setStatus(
    id: number,
    status: CaseStatus,
    at: number,
    extra: { rootCause?: string; customerConfirmed?: CustomerConfirmation } = {},
  ): void {
    const stamp =
      status === 'acknowledged' ? 'acknowledged_at' : status === 'resolved' ? 'resolved_at' : status === 'closed' ? 'closed_at' : null;
    this.db
      .prepare(
        `UPDATE cases SET status = ?, ${stamp ? `${stamp} = COALESCE(${stamp}, ?),` : ''} root_cause = COALESCE(?, root_cause), customer_confirmed = COALESCE(?, customer_confirmed) WHERE id = ?`,
      )
      .run(
        status,
        ...(stamp ? [at] : []),
        extra.rootCause ?? null,
        extra.customerConfirmed === undefined ? null : confirmationToDb(extra.customerConfirmed),
        id,
      );
  }

  meetDeadline(id: number, kind: DeadlineKind, at: number): void {
    this.db.prepare('UPDATE case_deadlines SET met_at = ? WHERE case_id = ? AND kind = ? AND met_at IS NULL').run(at, id, kind);
  }

  update(
    id: number,
    fields: {
      owner?: string;
      severity?: Severity;
      followUp?: string;
      category?: CaseCategory;
      subcategory?: string | null;
      department?: string;
    },
  ): void {
    const columns: [string, unknown][] = [];
    if (fields.owner !== undefined) columns.push(['owner', fields.owner]);
    if (fields.severity !== undefined) columns.push(['severity', fields.severity]);
    if (fields.followUp !== undefined) columns.push(['follow_up', fields.followUp]);
    if (fields.category !== undefined) columns.push(['category', fields.category]);
    if (fields.subcategory !== undefined) columns.push(['subcategory', fields.subcategory]);
    if (fields.department !== undefined) columns.push(['department', fields.department]);
    if (columns.length === 0) return;
    this.db.prepare(`UPDATE cases SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...columns.map(([, v]) => v), id);
  }

  /** Replaces the due times of deadlines not yet met or missed (after a severity change). */
  redue(id: number, deadlines: { kind: DeadlineKind; dueAt: number }[]): void {
    this.db.prepare('DELETE FROM case_deadlines WHERE case_id = ? AND met_at IS NULL AND missed_at IS NULL').run(id);
    const insert = this.db.prepare('INSERT OR IGNORE INTO case_deadlines (case_id, kind, due_at) VALUES (?, ?, ?)');
    for (const d of deadlines) insert.run(id, d.kind, d.dueAt);
  }

  /** Deadlines due by `now` that are neither met nor yet marked missed, of cases still open. */
  dueUnmet(now: number): MissedDeadline[] {
    return this.db
      .prepare(
        `SELECT d.case_id AS caseId, d.kind, d.due_at AS dueAt FROM case_deadlines d JOIN cases c ON c.id = d.case_id
         WHERE d.met_at IS NULL AND d.missed_at IS NULL AND d.due_at <= ? AND c.status != 'closed' ORDER BY d.due_at`,
      )
      .all(now) as MissedDeadline[];
  }

  /** Marks a deadline missed and the case overdue and escalated; false when another pass got there first. */
  markMissed(m: MissedDeadline, escalatedTo: string, at: number): boolean {
    return this.db.transaction(() => {
      const { changes } = this.db
        .prepare('UPDATE case_deadlines SET missed_at = ? WHERE case_id = ? AND kind = ? AND missed_at IS NULL AND met_at IS NULL')
        .run(at, m.caseId, m.kind);
      if (changes === 0) return false;
      this.db
        .prepare('UPDATE cases SET overdue_at = COALESCE(overdue_at, ?), escalated_to = ? WHERE id = ?')
        .run(at, escalatedTo, m.caseId);
      return true;
    })();
  }

  /** Forgets the customer's contact everywhere it was kept: the case and the answer notes (of the answer or the whole response) it came from. */
  eraseContact(id: number, answerNote: { deviceId: string; boot: number; seq: number } | { responseKey: string } | undefined): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE cases SET contact = NULL WHERE id = ?').run(id);
      if (answerNote && 'responseKey' in answerNote)
        this.db
          .prepare(
            `UPDATE answer_notes SET contact = NULL WHERE device_id || '/' || boot || '/' || seq = ?
               OR EXISTS (SELECT 1 FROM answers a WHERE a.response_key = ?
                 AND a.device_id = answer_notes.device_id AND a.boot = answer_notes.boot AND a.seq = answer_notes.seq)`,
          )
          .run(answerNote.responseKey, answerNote.responseKey);
      else if (answerNote)
        this.db
          .prepare('UPDATE answer_notes SET contact = NULL WHERE device_id = ? AND boot = ? AND seq = ?')
          .run(answerNote.deviceId, answerNote.boot, answerNote.seq);
    })();
    // Out of the write-ahead log too: the old pages are checkpointed over and the log truncated.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /**
   * Every deadline of a site's cases falling due in a period, met or not (for the service-level
   * figures), with whether its case was ever reopened and what the customer said when it closed.
   */
  deadlinesDue(siteId: string, from: number, to: number): DueDeadline[] {
    const rows = this.db
      .prepare(
        `SELECT d.case_id AS caseId, d.kind, d.due_at AS dueAt, d.met_at AS metAt, d.missed_at AS missedAt,
           c.customer_confirmed AS confirmed,
           EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.action = '${REOPENED}') AS reopened
         FROM case_deadlines d JOIN cases c ON c.id = d.case_id
         WHERE c.site_id = ? AND d.due_at >= ? AND d.due_at < ?`,
      )
      .all(siteId, from, to) as (CaseDeadline & { caseId: number; confirmed: number | null; reopened: number })[];
    return rows.map(({ confirmed, reopened, ...d }) => ({
      ...d,
      customerConfirmed: confirmationFromDb(confirmed),
      reopened: reopened === 1,
    }));
  }

  /** A site's cases that are overdue and not closed, oldest first. */
  overdue(siteId: string, limit: number): Case[] {
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM cases WHERE site_id = ? AND overdue_at IS NOT NULL AND status != 'closed' ORDER BY overdue_at LIMIT ?`,
      )
      .all(siteId, limit) as CaseRow[];
    return rows.map((r) => this.withDeadlines(r));
  }
}
