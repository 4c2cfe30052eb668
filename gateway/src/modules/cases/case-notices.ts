import type { Logger } from 'pino';
import type { CasesConfig } from '../../platform/config/closed-loop-schema.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { CaseRepo } from './case-repo.ts';
import { mailDepartment } from './department-mail.ts';
import type { Case } from './case.ts';

/**
 * Tells people when a case needs them now: an urgent case (severity 1: respond within 2 h) is
 * e-mailed at once, when it opens, to the owning department and its superior (their addresses in
 * `cases.departments`). The history says it was sent, or why not.
 */
export function startCaseNotices(deps: { bus: EventBus; repo: CaseRepo; config: CasesConfig; mailer: Mailer; logger: Logger }): () => void {
  const notify = async (c: Case) => {
    const respond = c.deadlines.find((d) => d.kind === 'respond');
    const at = Date.now();
    const to = await mailDepartment(deps, c, {
      subject: `Urgent case ${c.id} opened: respond by ${respond ? new Date(respond.dueAt).toISOString() : 'now'}`,
      lines: c.deadlines.map((d) => `${d.kind} by ${new Date(d.dueAt).toISOString()}`),
      at,
      what: 'urgent case',
    });
    if (to) deps.repo.event(c.id, at, 'system', 'notified', `e-mailed to ${to.join(', ')}`);
  };
  return deps.bus.on('case:changed', (change, c) => {
    if (change === 'case.opened' && c.severity === 1) void notify(c);
  });
}
