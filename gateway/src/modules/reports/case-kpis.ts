import type { Case } from '../cases/case.ts';
import type { DueDeadline } from '../cases/case-repo.ts';

/**
 * A service level: how many were due (its n), how many were met in time, the share of those due met
 * and the target, both percentages 0–100 (METRICS.md: every share in the API is a percentage).
 */
export interface Level {
  due: number;
  met: number;
  share: number | null;
  target: number;
}

/** A part of a whole as a percentage 0–100, or null when the whole is 0. */
export const share = (count: number, total: number): number | null => (total === 0 ? null : (100 * count) / total);
export const level = (due: number, met: number, target: number): Level => ({ due, met, share: share(met, due), target });

/** A count out of n, with its share of n as a percentage 0–100 (null when n is 0). */
export interface Part {
  count: number;
  n: number;
  share: number | null;
}
export const part = (count: number, n: number): Part => ({ count, n, share: share(count, n) });

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The programme's targets, as percentages 0–100 (as configured). */
export interface KpiTargets {
  collection: number;
  firstResponse: number;
  completion: number;
}

export interface CaseKpis {
  /** cases opened in the period whose first response (acknowledged or later) came within 2 working hours */
  firstResponse: Level & { medianMinutes: number | null };
  /** respond and resolve deadlines that fell due in the period, met in time */
  respond: Level;
  resolve: Level;
  /**
   * cases whose resolve deadline fell in the period that were resolved by it, never reopened, and
   * confirmed by the customer (or recorded as unreachable)
   */
  completion: Level;
  /** the cases opened in the period (n) that repeat an earlier complaint (a case's repeatOf) */
  repeats: Part;
}

/** Whether a resolve deadline counts as completed (METRICS.md's completion rate). */
export const completed = (d: DueDeadline): boolean =>
  d.metAt !== null && d.metAt <= d.dueAt && !d.reopened && (d.customerConfirmed === true || d.customerConfirmed === 'unreachable');

/**
 * The programme's case figures over a period, from the cases opened in it and the deadlines that
 * fell due in it: the one definition the weekly report and the self-assessment both use.
 * `firstResponseDue` is 2 working hours after a case opened, in its site's working calendar.
 */
export function caseKpis(opened: Case[], deadlines: DueDeadline[], firstResponseDue: (c: Case) => number, targets: KpiTargets): CaseKpis {
  const acknowledged = opened.filter((c) => c.acknowledgedAt !== null);
  const inTime = (kind: DueDeadline['kind']) => {
    const due = deadlines.filter((d) => d.kind === kind);
    return level(due.length, due.filter((d) => d.metAt !== null && d.metAt <= d.dueAt).length, 100);
  };
  const resolveDue = deadlines.filter((d) => d.kind === 'resolve');
  return {
    firstResponse: {
      ...level(opened.length, acknowledged.filter((c) => c.acknowledgedAt! <= firstResponseDue(c)).length, targets.firstResponse),
      medianMinutes: median(acknowledged.map((c) => (c.acknowledgedAt! - c.openedAt) / 60_000)),
    },
    respond: inTime('respond'),
    resolve: inTime('resolve'),
    completion: level(resolveDue.length, resolveDue.filter(completed).length, targets.completion),
    repeats: part(opened.filter((c) => c.repeatOf !== null).length, opened.length),
  };
}
