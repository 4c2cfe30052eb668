import type { Logger } from 'pino';
import type { CasesConfig } from '../../platform/config/closed-loop-schema.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { CaseRepo } from './case-repo.ts';
import { mailDepartment } from './department-mail.ts';

/**
 * Finds case deadlines that passed unmet: marks each missed (once), the case overdue and escalated
 * to the owning department's superior, writes it in the case's history, and tells the webhooks
 * (case.overdue) and, with mail configured, the owner and the superior by e-mail.
 */
export class DeadlineWatch {
  constructor(private readonly deps: { repo: CaseRepo; bus: EventBus; config: CasesConfig; mailer: Mailer; logger: Logger }) {}

  /** One pass at `now`; returns the number of deadlines found missed. */
  async check(now: number): Promise<number> {
    let missed = 0;
    for (const due of this.deps.repo.dueUnmet(now)) {
      const c = this.deps.repo.get(due.caseId);
      if (!c) continue;
      const department = this.deps.config.departments[c.category];
      if (!this.deps.repo.markMissed(due, department.superior, now)) continue;
      missed++;
      this.deps.repo.event(
        c.id,
        now,
        'system',
        'overdue',
        `${due.kind} deadline ${new Date(due.dueAt).toISOString()} missed; escalated to ${department.superior}`,
      );
      const overdue = this.deps.repo.get(c.id)!;
      this.deps.bus.emit('case:changed', 'case.overdue', overdue);
      await mailDepartment(this.deps, c, {
        subject: `Case ${c.id} is overdue (${due.kind}), escalated to ${department.superior}`,
        lines: [`Missed: ${due.kind} by ${new Date(due.dueAt).toISOString()}`],
        at: now,
        what: 'overdue',
      });
    }
    return missed;
  }

  /** Checks every `everyMs` until stopped; one pass at a time. */
  start(everyMs: number, now: () => number = Date.now): () => void {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      this.check(now())
        .catch((error: unknown) => this.deps.logger.error({ err: error }, 'case deadline check failed'))
        .finally(() => (running = false));
    }, everyMs).unref();
    return () => clearInterval(timer);
  }
}
