import type { Logger } from 'pino';
import type { CasesConfig } from '../../platform/config/closed-loop-schema.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { AnswerNote } from '../ingest/answer-note.ts';
import type { Alert } from '../alerts/alert.ts';
import { CASE_CATEGORIES, type CaseCategory, type Severity } from './case.ts';
import type { CaseService, OpenCase } from './case-service.ts';

/** A follow-up choice named "<category>:<what>" (say "product:cold-coffee") names the case's category. */
function categoryOf(reasons: string[]): { category: CaseCategory; subcategory: string | null } {
  for (const reason of reasons) {
    const [prefix, rest] = reason.split(':', 2);
    if ((CASE_CATEGORIES as readonly string[]).includes(prefix!)) return { category: prefix as CaseCategory, subcategory: rest ?? null };
  }
  return { category: 'service', subcategory: reasons[0] ?? null };
}

/** Which configured rule a note meets, with the severity it gives, or undefined for none. */
export function noteRule(note: AnswerNote, rules: CasesConfig['rules']): { rule: string; severity: Severity } | undefined {
  if (rules.callbackRequest && note.contact !== null) return { rule: 'callback request', severity: 2 };
  const clean = !note.flags.includes('link') && !note.flags.includes('repeated-characters');
  if (rules.detractorWithComment && note.negative && note.comment && clean) return { rule: 'negative answer with a comment', severity: 2 };
  if (rules.unhappyReason && note.negative && note.reasons.length > 0) return { rule: 'unhappy follow-up reason', severity: 3 };
  return undefined;
}

/**
 * Opens cases from negative feedback by the configured rules: a note (a negative answer with a
 * comment or an unhappy reason, a callback request) or a fired alert. Each response and each alert
 * opens at most one case, ever (its source key is unique in the store): a further note of the same
 * response (a kiosk run's comment after its reason) adds to the response's case.
 */
export function startCaseRules(deps: {
  bus: EventBus;
  cases: CaseService;
  config: CasesConfig;
  siteOfPoint: (pointId: string) => string | undefined;
  /** forgets a note's contact (kept only for a case's callback) */
  forgetContact: (note: AnswerNote) => void;
  logger: Logger;
}): () => void {
  const open = (input: OpenCase) => {
    try {
      deps.cases.open(input, 'system');
    } catch (error) {
      deps.logger.error({ err: error, source: input.sourceKey }, 'a case could not be opened');
    }
  };
  const openOrAmend = (input: OpenCase & { sourceKey: string }) => {
    try {
      deps.cases.openOrAmend(input, 'system');
    } catch (error) {
      deps.logger.error({ err: error, source: input.sourceKey }, 'a case could not be opened');
    }
  };
  const offNote = deps.bus.on('note:stored', (note) => {
    const matched = noteRule(note, deps.config.rules);
    if (!matched) {
      // A contact is kept only for a case's callback: one given with a note that opens no case (callbacks
      // switched off, nothing negative) is forgotten at once, so nothing is held that no one could erase.
      if (note.contact !== null) deps.forgetContact(note);
      return;
    }
    const { category, subcategory } = categoryOf(note.reasons);
    const said = [note.reasons.length ? `reasons: ${note.reasons.join(', ')}` : '', note.comment ? `“${note.comment}”` : '']
      .filter(Boolean)
      .join('; ');
    openOrAmend({
      siteId: note.siteId,
      pointId: note.pointId,
      origin: 'answer',
      sourceKey: `response:${note.responseKey}`,
      category,
      subcategory,
      severity: matched.severity,
      summary: `${matched.rule}: ${note.scale} ${note.value ?? '—'}${said ? `; ${said}` : ''}`.slice(0, 2000),
      contact: note.contact,
      openedAt: note.notedAt,
    });
  });
  const offAlert = deps.bus.on('alert:changed', (change, alert: Alert) => {
    if (change !== 'alert.fired' || !deps.config.rules.firedAlert) return;
    const siteId = deps.siteOfPoint(alert.pointId);
    if (siteId === undefined) return;
    open({
      siteId,
      pointId: alert.pointId,
      origin: 'alert',
      sourceKey: `alert:${alert.id}`,
      category: 'service',
      severity: 2,
      summary: `alert: ${alert.message}`,
      openedAt: alert.firedAt,
    });
  });
  return () => {
    offNote();
    offAlert();
  };
}
