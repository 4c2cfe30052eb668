import type { CasesConfig } from '../../platform/config/closed-loop-schema.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { WorkingCalendar } from '../../core/working-calendar.ts';
import {
  DEADLINE_KINDS,
  DEADLINE_MET_BY,
  NEXT_STATUSES,
  type Case,
  type CaseCategory,
  type CaseOrigin,
  type CaseStatus,
  type CustomerConfirmation,
  type DeadlineKind,
  type Severity,
} from './case.ts';
import type { CaseRepo } from './case-repo.ts';
import { Refused } from '../../core/refused.ts';

export interface OpenCase {
  siteId: string;
  pointId: string | null;
  origin: CaseOrigin;
  /** what it came from, when it came from something: one case per source, ever */
  sourceKey?: string | null;
  category: CaseCategory;
  subcategory?: string | null;
  severity: Severity;
  summary: string;
  contact?: string | null;
  /** instead of the category's department owner */
  owner?: string | undefined;
  openedAt?: number;
}

/** What a status change may carry. */
export interface MoveExtra {
  rootCause?: string | undefined;
  customerConfirmed?: CustomerConfirmation | undefined;
  /** why a case is closed though the customer said the fix did not help (required then) */
  reason?: string | undefined;
  comment?: string | undefined;
}

export interface CaseServiceDeps {
  repo: CaseRepo;
  bus: EventBus;
  config: CasesConfig;
  calendarOf: (siteId: string) => WorkingCalendar;
  now?: () => number;
}

/** Opens cases with their deadlines, moves them through their statuses and keeps their history. */
export class CaseService {
  private readonly now: () => number;

  constructor(private readonly deps: CaseServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  get repo(): CaseRepo {
    return this.deps.repo;
  }

  private deadlines(siteId: string, severity: Severity, from: number): { kind: DeadlineKind; dueAt: number }[] {
    const level = this.deps.config.serviceLevels[String(severity) as '1' | '2' | '3'];
    const calendar = this.deps.calendarOf(siteId);
    return DEADLINE_KINDS.flatMap((kind) => {
      const length = level[kind];
      return length ? [{ kind, dueAt: calendar.due(from, length) }] : [];
    });
  }

  /** Opens a case; undefined when its source already has one (a resent answer, an alert seen twice). */
  open(input: OpenCase, actor: string): Case | undefined {
    const openedAt = input.openedAt ?? this.now();
    const department = this.deps.config.departments[input.category];
    const repeatSince = openedAt - this.deps.config.repeatWithinDays * 86_400_000;
    const repeatOf = input.pointId
      ? this.deps.repo.earlierAt(input.pointId, { subcategory: input.subcategory }, repeatSince, openedAt)
      : null;
    const created = this.deps.repo.create(
      {
        siteId: input.siteId,
        pointId: input.pointId,
        origin: input.origin,
        sourceKey: input.sourceKey ?? null,
        category: input.category,
        subcategory: input.subcategory ?? null,
        severity: input.severity,
        department: department.owner,
        owner: input.owner ?? department.owner,
        summary: input.summary,
        contact: input.contact ?? null,
        openedAt,
        repeatOf,
        deadlines: this.deadlines(input.siteId, input.severity, openedAt),
      },
      actor,
    );
    if (created) {
      if (repeatOf !== null) this.deps.repo.event(created.id, openedAt, 'system', 'linked', `repeat of case ${repeatOf}`);
      this.deps.bus.emit('case:changed', 'case.opened', created);
    }
    return created;
  }

  /**
   * Opens the case of a response, or adds to it when the response already has one (a further note
   * of the same kiosk run: its comment after its reason): the summary gains the new part, a contact
   * given now is kept, and the history says so. Undefined when nothing was opened or changed.
   */
  openOrAmend(input: OpenCase & { sourceKey: string }, actor: string): Case | undefined {
    const existing = this.deps.repo.bySource(input.sourceKey);
    if (!existing) return this.open(input, actor);
    if (existing.summary.includes(input.summary) && (input.contact ?? null) === null) return undefined;
    const summary = existing.summary.includes(input.summary) ? existing.summary : `${existing.summary}\n${input.summary}`.slice(0, 2000);
    this.deps.repo.amend(existing.id, summary, input.contact ?? null);
    this.deps.repo.event(existing.id, input.openedAt ?? this.now(), actor, 'amended', input.summary.slice(0, 2000));
    return this.changed(existing.id);
  }

  private existing(id: number): Case {
    const found = this.deps.repo.get(id);
    if (!found) throw new Refused('not-found', `No case ${id}`);
    return found;
  }

  private changed(id: number): Case {
    const updated = this.existing(id);
    this.deps.bus.emit('case:changed', 'case.changed', updated);
    return updated;
  }

  /**
   * Moves a case one status on. Closing needs the root cause and whether the customer confirmed the
   * fix: yes, no (then with the reason), or unreachable. Reopening a resolved case takes back its
   * "resolved in time" credit.
   */
  move(id: number, to: CaseStatus, actor: string, extra: MoveExtra = {}): Case {
    const current = this.existing(id);
    if (!NEXT_STATUSES[current.status].includes(to))
      throw new Refused(
        'conflict',
        `Case ${id} is ${current.status}; it can go to ${NEXT_STATUSES[current.status].join(' or ') || 'nothing'}, not ${to}`,
      );
    const rootCause = extra.rootCause ?? current.rootCause ?? undefined;
    const confirmed = extra.customerConfirmed ?? current.customerConfirmed ?? undefined;
    if (to === 'closed' && (!rootCause || confirmed === undefined))
      throw new Refused('invalid', 'Closing a case needs its root cause and whether the customer confirmed the fix');
    if (to === 'closed' && confirmed === false && !extra.reason?.trim())
      throw new Refused('invalid', 'The customer did not confirm the fix: closing needs the reason (why it is closed unconfirmed)');
    const at = this.now();
    this.deps.repo.setStatus(id, to, at, {
      ...(extra.rootCause ? { rootCause: extra.rootCause } : {}),
      ...(extra.customerConfirmed !== undefined ? { customerConfirmed: extra.customerConfirmed } : {}),
    });
    const met = DEADLINE_MET_BY[to];
    if (met) this.deps.repo.meetDeadline(id, met, at);
    // Acting on a case late still meets the earlier deadlines (for response times), once.
    if (to === 'in_progress' || to === 'resolved') this.deps.repo.meetDeadline(id, 'respond', at);
    if (to === 'resolved') this.deps.repo.meetDeadline(id, 'plan', at);
    if (current.status === 'resolved' && to === 'in_progress') this.deps.repo.unmeetDeadline(id, 'resolve');
    if (to === 'closed' && extra.rootCause && current.repeatOf === null && current.pointId !== null) {
      const since = current.openedAt - this.deps.config.repeatWithinDays * 86_400_000;
      const earlier = this.deps.repo.earlierAt(current.pointId, { rootCause: extra.rootCause }, since, current.openedAt, id);
      if (earlier !== null && earlier < id) {
        this.deps.repo.linkRepeat(id, earlier);
        this.deps.repo.event(id, at, 'system', 'linked', `repeat of case ${earlier} (same root cause)`);
      }
    }
    const said = { true: 'yes', false: 'no', unreachable: 'unreachable' } as const;
    const detail = [
      extra.rootCause && `root cause: ${extra.rootCause}`,
      extra.customerConfirmed !== undefined && `customer confirmed: ${said[String(extra.customerConfirmed) as keyof typeof said]}`,
      extra.reason && `reason: ${extra.reason}`,
      extra.comment,
    ]
      .filter(Boolean)
      .join('; ');
    this.deps.repo.event(id, at, actor, `status ${current.status} → ${to}`, detail || null);
    return this.changed(id);
  }

  comment(id: number, actor: string, text: string): Case {
    this.existing(id);
    this.deps.repo.event(id, this.now(), actor, 'comment', text);
    return this.changed(id);
  }

  /**
   * Changes the owner, severity, category or follow-up result. Deadlines not yet met follow a new
   * severity: a raised one (more urgent) runs them from the change, so they are not missed the moment
   * they are set; a lowered one keeps them from the opening (they only grow).
   */
  edit(
    id: number,
    actor: string,
    fields: {
      owner?: string | undefined;
      severity?: Severity | undefined;
      category?: CaseCategory | undefined;
      subcategory?: string | null | undefined;
      followUp?: string | undefined;
    },
  ): Case {
    const current = this.existing(id);
    if (current.status === 'closed') throw new Refused('conflict', `Case ${id} is closed`);
    const at = this.now();
    const changes: string[] = [];
    const patch: Parameters<CaseRepo['update']>[1] = {};
    if (fields.owner !== undefined && fields.owner !== current.owner) {
      patch.owner = fields.owner;
      changes.push(`owner: ${fields.owner}`);
    }
    if (fields.followUp !== undefined) {
      patch.followUp = fields.followUp;
      changes.push(`follow-up: ${fields.followUp}`);
    }
    if (fields.subcategory !== undefined && fields.subcategory !== current.subcategory) {
      patch.subcategory = fields.subcategory;
      changes.push(`subcategory: ${fields.subcategory ?? '—'}`);
    }
    if (fields.category !== undefined && fields.category !== current.category) {
      patch.category = fields.category;
      patch.department = this.deps.config.departments[fields.category].owner;
      changes.push(`category: ${fields.category}`);
    }
    if (fields.severity !== undefined && fields.severity !== current.severity) {
      patch.severity = fields.severity;
      changes.push(`severity: ${fields.severity}`);
    }
    if (changes.length === 0) return current;
    this.deps.repo.update(id, patch);
    if (patch.severity !== undefined) {
      const from = patch.severity < current.severity ? at : current.openedAt;
      this.deps.repo.redue(id, this.deadlines(current.siteId, patch.severity, from));
    }
    this.deps.repo.event(id, at, actor, 'edited', changes.join('; '));
    return this.changed(id);
  }

  /** Forgets the customer's contact on request; the case stays, anonymised, and the history says when. */
  eraseContact(id: number, actor: string): Case {
    const current = this.existing(id);
    const answer = /^answer:(.+)\/(\d+)\/(\d+)$/.exec(current.sourceKey ?? '');
    const response = /^response:(.+)$/.exec(current.sourceKey ?? '');
    this.deps.repo.eraseContact(
      id,
      answer
        ? { deviceId: answer[1]!, boot: Number(answer[2]), seq: Number(answer[3]) }
        : response
          ? { responseKey: response[1]! }
          : undefined,
    );
    this.deps.repo.event(id, this.now(), actor, 'contact erased', null);
    return this.changed(id);
  }
}
