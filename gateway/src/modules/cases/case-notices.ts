import type { Logger } from 'pino';
import type { CasesConfig } from '../../platform/config/closed-loop-schema.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { CaseRepo } from './case-repo.ts';
import type { Case } from './case.ts';

/**
 * Tells people when a case needs them now: an urgent case (severity 1: respond within 2 h) is
 * e-mailed at once, when it opens, to the owning department and its superior (their addresses in
 * `cases.departments`). The history says it was sent, or why not.
 */
export function startCaseNotices(deps: { bus: EventBus; repo: CaseRepo; config: CasesConfig; mailer: Mailer; logger: Logger }): () => void {
  const notify = async (c: Case) => {
    const department = deps.config.departments[c.category];
    const to = [department.ownerEmail, department.superiorEmail].filter((e): e is string => e !== undefined);
    if (to.length === 0 || !deps.mailer.enabled) return;
    const respond = c.deadlines.find((d) => d.kind === 'respond');
    try {
      await deps.mailer.send({
        to,
        subject: `Urgent case ${c.id} opened: respond by ${respond ? new Date(respond.dueAt).toISOString() : 'now'}`,
        text: [
          `Case ${c.id} at ${c.pointId ?? c.siteId}, severity ${c.severity}, ${c.category}`,
          `Owner: ${c.owner}`,
          ...c.deadlines.map((d) => `${d.kind} by ${new Date(d.dueAt).toISOString()}`),
          '',
          c.summary,
        ].join('\n'),
      });
      deps.repo.event(c.id, Date.now(), 'system', 'notified', `e-mailed to ${to.join(', ')}`);
    } catch (error) {
      deps.logger.warn({ err: error, caseId: c.id }, 'urgent case e-mail not sent');
      deps.repo.event(c.id, Date.now(), 'system', 'e-mail failed', (error as Error).message.slice(0, 300));
    }
  };
  return deps.bus.on('case:changed', (change, c) => {
    if (change === 'case.opened' && c.severity === 1) void notify(c);
  });
}
