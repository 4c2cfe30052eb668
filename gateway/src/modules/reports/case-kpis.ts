import type { Case, CaseDeadline } from '../cases/case.ts';

/** A service level: how many were due, how many were met in time, the share, and the target. */
export interface Level {
  due: number;
  met: number;
  share: number | null;
  target: number;
}

/** A part of a whole, or null when the whole is 0. */
export const share = (count: number, total: number): number | null => (total === 0 ? null : count / total);
export const level = (due: number, met: number, target: number): Level => ({ due, met, share: share(met, due), target });

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface CaseKpis {
  /** cases opened in the period acknowledged within 2 h (the programme's first-response target) */
  firstResponse: Level & { medianMinutes: number | null };
  /** respond and resolve deadlines that fell due in the period, met in time */
  respond: Level;
  resolve: Level;
  /** cases due to be resolved in the period that were resolved or closed (target 90%) */
  completion: Level;
  repeatShare: number | null;
}

/**
 * The programme's case figures over a period, from the cases opened in it and the deadlines that
 * fell due in it: the one definition the weekly report and the self-assessment both use.
 */
export function caseKpis(opened: Case[], deadlines: CaseDeadline[]): CaseKpis {
  const acknowledgedIn = opened.filter((c) => c.acknowledgedAt !== null).map((c) => c.acknowledgedAt! - c.openedAt);
  const inTime = (kind: CaseDeadline['kind']) => {
    const due = deadlines.filter((d) => d.kind === kind);
    return level(due.length, due.filter((d) => d.metAt !== null && d.metAt <= d.dueAt).length, 1);
  };
  const resolveDue = deadlines.filter((d) => d.kind === 'resolve');
  return {
    firstResponse: {
      ...level(opened.length, acknowledgedIn.filter((ms) => ms <= 2 * 3_600_000).length, 1),
      medianMinutes: median(acknowledgedIn.map((ms) => ms / 60_000)),
    },
    respond: inTime('respond'),
    resolve: inTime('resolve'),
    completion: level(resolveDue.length, resolveDue.filter((d) => d.metAt !== null).length, 0.9),
    repeatShare: share(opened.filter((c) => c.repeatOf !== null).length, opened.length),
  };
}
