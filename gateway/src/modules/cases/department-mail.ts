import type { Logger } from 'pino';
import type { CasesConfig } from '../../platform/config/closed-loop-schema.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { CaseRepo } from './case-repo.ts';
import type { Case } from './case.ts';

/**
 * E-mails a case's owning department and its superior (their addresses in `cases.departments`), when
 * mail is configured and either has an address; a failure is logged and written in the case's
 * history, never thrown. Returns the addresses it was sent to, or undefined when it was not sent.
 */
export async function mailDepartment(
  deps: { repo: CaseRepo; config: CasesConfig; mailer: Mailer; logger: Logger },
  c: Case,
  mail: { subject: string; lines: string[]; at: number; what: string },
): Promise<string[] | undefined> {
  const department = deps.config.departments[c.category];
  const to = [department.ownerEmail, department.superiorEmail].filter((e): e is string => e !== undefined);
  if (to.length === 0 || !deps.mailer.enabled) return undefined;
  try {
    await deps.mailer.send({
      to,
      subject: mail.subject,
      text: [
        `Case ${c.id} at ${c.pointId ?? c.siteId}, severity ${c.severity}, ${c.category}`,
        `Owner: ${c.owner}`,
        ...mail.lines,
        '',
        c.summary,
      ].join('\n'),
    });
    return to;
  } catch (error) {
    deps.logger.warn({ err: error, caseId: c.id }, `${mail.what} e-mail not sent`);
    deps.repo.event(c.id, mail.at, 'system', 'e-mail failed', (error as Error).message.slice(0, 300));
    return undefined;
  }
}
