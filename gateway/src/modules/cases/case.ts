/** A case: one piece of negative feedback being handled, with an owner and deadlines (METRICS.md). */
export const CASE_CATEGORIES = ['product', 'service', 'operations', 'suggestion'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export const CASE_STATUSES = ['new', 'acknowledged', 'in_progress', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Where a case came from: feedback and alerts open cases by themselves, people open the rest. */
export const CASE_ORIGINS = ['answer', 'alert', 'review', 'hotline', 'in_person'] as const;
export type CaseOrigin = (typeof CASE_ORIGINS)[number];

export type Severity = 1 | 2 | 3;

/** Whether the customer confirmed the fix when the case closed: yes, no, or they could not be reached. */
export type CustomerConfirmation = boolean | 'unreachable';
/** Stored as 1 (yes), 0 (no) or 2 (unreachable) in cases.customer_confirmed. */
export const confirmationToDb = (c: CustomerConfirmation): number => (c === 'unreachable' ? 2 : Number(c));
export const confirmationFromDb = (v: number | null): CustomerConfirmation | null =>
  v === null ? null : v === 2 ? 'unreachable' : v === 1;

export const DEADLINE_KINDS = ['respond', 'plan', 'resolve'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** The statuses a case may move to from each status: forward one step, or a resolved case reopened. */
export const NEXT_STATUSES: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['acknowledged'],
  acknowledged: ['in_progress'],
  in_progress: ['resolved'],
  resolved: ['closed', 'in_progress'],
  closed: [],
};

/** The deadline a status meets when a case reaches it. */
export const DEADLINE_MET_BY: Partial<Record<CaseStatus, DeadlineKind>> = {
  acknowledged: 'respond',
  in_progress: 'plan',
  resolved: 'resolve',
};

export interface CaseDeadline {
  kind: DeadlineKind;
  dueAt: number;
  metAt: number | null;
  missedAt: number | null;
}

export interface Case {
  id: number;
  siteId: string;
  pointId: string | null;
  origin: CaseOrigin;
  sourceKey: string | null;
  category: CaseCategory;
  subcategory: string | null;
  severity: Severity;
  status: CaseStatus;
  department: string;
  owner: string;
  escalatedTo: string | null;
  summary: string;
  /** the customer's phone or e-mail, kept only with their consent; null once erased */
  contact: string | null;
  openedAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  overdueAt: number | null;
  rootCause: string | null;
  /** true: the customer confirmed the fix; false: they said it is not fixed; 'unreachable': they could not be reached (recorded, counts as confirmed for completion) */
  customerConfirmed: CustomerConfirmation | null;
  followUp: string | null;
  /** the earliest case at the same point with the same subcategory (or root cause) within the repeat window */
  repeatOf: number | null;
  deadlines: CaseDeadline[];
}

export interface CaseEvent {
  id: number;
  caseId: number;
  at: number;
  actor: string;
  action: string;
  detail: string | null;
}

export type CaseChange = 'case.opened' | 'case.changed' | 'case.overdue';

/** A case for someone who may not see the customer's contact: whether there is one shows, the contact does not. */
export function withContactHidden(c: Case): Case {
  return c.contact === null ? c : { ...c, contact: '(hidden)' };
}
