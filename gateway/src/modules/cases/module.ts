import type { Feature } from '../../platform/modules/feature-module.ts';
import { routes } from '../../platform/modules/feature-module.ts';
import type { PlatformParts } from '../../platform/modules/platform-parts.ts';
import type { AnswerNoteRepo } from '../ingest/answer-note-repo.ts';
import { CaseRepo } from './case-repo.ts';
import { CaseService } from './case-service.ts';
import { startCaseRules } from './case-rules.ts';
import { DeadlineWatch } from './deadline-watch.ts';
import { startCaseNotices } from './case-notices.ts';
import { siteCalendars } from './site-calendars.ts';
import { caseRoutes } from './case-routes.ts';
import { commentRoutes } from './comment-routes.ts';

/** Cases opened from negative feedback, with their deadline watch, and the comments customers leave. */
export function casesModule(p: PlatformParts, deps: { notes: AnswerNoteRepo }): Feature<{ cases: CaseService }> {
  const { config, topology, bus, mailer } = p;
  const logger = p.logger.child({ part: 'cases' });
  const cases = new CaseService({ repo: new CaseRepo(p.db), bus, config: config.cases, calendarOf: siteCalendars(config.sites) });
  let stopWatch: (() => void) | undefined;
  return {
    name: 'cases',
    services: { cases },
    routes: [routes(caseRoutes, { services: { cases, topology } }), routes(commentRoutes, { services: { notes: deps.notes, topology } })],
    subscriptions: [
      (events) =>
        startCaseRules({
          bus: events,
          cases,
          config: config.cases,
          siteOfPoint: (point) => topology.siteOfPoint(point),
          forgetContact: (note) => deps.notes.forgetContact(note),
          logger,
        }),
      (events) => startCaseNotices({ bus: events, repo: cases.repo, config: config.cases, mailer, logger }),
    ],
    start: () => {
      stopWatch = new DeadlineWatch({ repo: cases.repo, bus, config: config.cases, mailer, logger }).start(config.cases.checkEveryMs);
    },
    stop: () => stopWatch?.(),
  };
}
