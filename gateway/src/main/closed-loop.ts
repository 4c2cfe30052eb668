import type { Logger } from 'pino';
import type { Config } from '../platform/config/schema.ts';
import type { Db } from '../platform/store/database.ts';
import type { EventBus } from '../platform/events/bus.ts';
import type { TopologyRepo } from '../platform/settings/topology-repo.ts';
import type { IndexService } from '../modules/indices/index-service.ts';
import type { TokenRepo } from '../platform/auth/token-repo.ts';
import { AnswerNoteRepo } from '../modules/ingest/answer-note-repo.ts';
import { CaseRepo } from '../modules/cases/case-repo.ts';
import { CaseService } from '../modules/cases/case-service.ts';
import { startCaseRules } from '../modules/cases/case-rules.ts';
import { DeadlineWatch } from '../modules/cases/deadline-watch.ts';
import { siteCalendars } from '../modules/cases/site-calendars.ts';
import { Mailer } from '../platform/mail/mailer.ts';
import { ReviewRepo } from '../modules/reviews/review-repo.ts';
import { ReviewService } from '../modules/reviews/review-service.ts';
import { ReviewWatch } from '../modules/reviews/review-watch.ts';
import { ReportRepo } from '../modules/reports/report-repo.ts';
import { ReportService } from '../modules/reports/report-service.ts';
import { WeeklyScheduler } from '../modules/reports/weekly-scheduler.ts';
import { AssessmentRepo } from '../modules/reports/assessment-repo.ts';
import { assessmentFigures } from '../modules/reports/assessment-figures.ts';
import { caseReader, noteReader, reportRowReader, reviewReader } from '../modules/reports/report-readers.ts';
import { PulseRepo } from '../modules/staff/pulse-repo.ts';
import { weekKey } from '../modules/staff/pulse-summary.ts';
import type { AssessmentFigures } from '../modules/reports/self-assessment.ts';

export type ClosedLoop = { cases: CaseService; notes: AnswerNoteRepo; reviews: ReviewService; reports: ReportService; assessments: { repo: AssessmentRepo; figures: (siteId: string, now: number) => Promise<AssessmentFigures> }; pulse: PulseRepo } & { stop: () => void };

/**
 * Closing the loop: cases from negative feedback (with their deadline watch), the reviews journal
 * (with its daily check), the Monday reports and the self-assessment, wired on the store and the bus.
 */
export function startClosedLoop(deps: { db: Db; config: Config; bus: EventBus; topology: TopologyRepo; indices: IndexService; tokens: TokenRepo; logger: Logger }): ClosedLoop {
  const { db, config, bus, topology, indices, tokens } = deps;
  const stops: (() => void)[] = [];
  const mailer = new Mailer(config.mail, deps.logger.child({ part: 'mail' }));
  stops.push(() => mailer.close());
  const casesLog = deps.logger.child({ part: 'cases' });
  const cases = new CaseService({ repo: new CaseRepo(db), bus, config: config.cases, calendarOf: siteCalendars(config.sites) });
  stops.push(startCaseRules({ bus, cases, config: config.cases, siteOfPoint: (p) => topology.siteOfPoint(p), logger: casesLog }));
  stops.push(new DeadlineWatch({ repo: cases.repo, bus, config: config.cases, mailer, logger: casesLog }).start(config.cases.checkEveryMs));

  const site = (siteId: string) => topology.sites().find((s) => s.id === siteId);
  const pointsOf = (siteId: string) => topology.points().filter((p) => p.siteId === siteId);
  const reviews = new ReviewService({ repo: new ReviewRepo(db), cases, config: config.reviews, siteName: (id) => site(id)?.name ?? id, timeZoneOf: (id) => site(id)?.timeZone ?? 'UTC' });
  stops.push(new ReviewWatch({ repo: reviews.repo, config: config.reviews, sites: () => topology.sites(), logger: deps.logger.child({ part: 'reviews' }) }).start(60_000));

  const notes = new AnswerNoteRepo(db);
  const reportsLog = deps.logger.child({ part: 'reports' });
  const reportSources = { indices, cases: caseReader(cases.repo), reviews: reviewReader(reviews.repo), notes: noteReader(notes), points: pointsOf };
  const reports = new ReportService({ repo: new ReportRepo(db), sources: reportSources, config: config.reports, mailer, logger: reportsLog });
  stops.push(new WeeklyScheduler({ reports, config: config.reports, sites: () => topology.sites(), logger: reportsLog }).start(config.reports.checkEveryMs));

  const pulse = new PulseRepo(db);
  const figureSources = {
    indices,
    cases: caseReader(cases.repo),
    reviews: reviewReader(reviews.repo),
    reports: reportRowReader(reports.repo),
    points: pointsOf,
    screens: async (siteId: string) =>
      tokens.list().filter((t) => t.kind === 'screen' && t.revokedAt === null && t.pointId !== null && topology.siteOfPoint(t.pointId) === siteId).length,
    staffPulseAnswers: async (siteId: string, since: number) => pulse.answersSince(siteId, weekKey(since, site(siteId)?.timeZone ?? 'UTC')),
  };
  return {
    cases,
    notes,
    pulse,
    reviews,
    reports,
    assessments: { repo: new AssessmentRepo(db), figures: (siteId, now) => assessmentFigures(figureSources, siteId, now) },
    stop: () => {
      for (const stop of stops.reverse()) stop();
    },
  };
}
