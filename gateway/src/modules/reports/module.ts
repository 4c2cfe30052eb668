import type { Feature } from '../../platform/modules/feature-module.ts';
import { routes } from '../../platform/modules/feature-module.ts';
import type { PlatformParts } from '../../platform/modules/platform-parts.ts';
import type { IndexService } from '../indices/index-service.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { ReviewService } from '../reviews/review-service.ts';
import type { AnswerNoteRepo } from '../ingest/answer-note-repo.ts';
import type { PulseRepo } from '../staff/pulse-repo.ts';
import { weekKey } from '../staff/pulse-summary.ts';
import { ReportRepo } from './report-repo.ts';
import { ReportService } from './report-service.ts';
import { WeeklyScheduler } from './weekly-scheduler.ts';
import { AssessmentRepo } from './assessment-repo.ts';
import { assessmentFigures } from './assessment-figures.ts';
import { reportRoutes } from './report-routes.ts';
import { caseReader, noteReader, reportRowReader, reviewReader } from './report-readers.ts';
import { assessmentRoutes } from './assessment-routes.ts';
import { collectionReader } from './collection-repo.ts';
import { siteCalendars } from '../cases/site-calendars.ts';

/** The Monday reports (PDF/XLSX, mailed) and the self-assessment with its figures. */
export function reportsModule(
  p: PlatformParts,
  deps: { indices: IndexService; cases: CaseService; reviews: ReviewService; notes: AnswerNoteRepo; pulse: PulseRepo },
): Feature<Record<string, never>> {
  const { config, topology, tokens } = p;
  const { indices, notes, pulse } = deps;
  const logger = p.logger.child({ part: 'reports' });
  const site = (siteId: string) => topology.sites().find((s) => s.id === siteId);
  const points = (siteId: string) => topology.points().filter((point) => point.siteId === siteId);
  // what reports and the self-assessment read, as promises (the async read seam)
  const cases = caseReader(deps.cases.repo);
  const reviews = reviewReader(deps.reviews.repo);
  const kpi = {
    collection: collectionReader(p.db),
    calendarOf: siteCalendars(config.sites),
    // percentages 0–100, as configured and as every share in the API
    targets: { ...config.reports.targets },
  };
  const sources = { indices, cases, reviews, notes: noteReader(notes), points, ...kpi };
  const reports = new ReportService({ repo: new ReportRepo(p.db), sources, config: config.reports, mailer: p.mailer, logger });
  const screensOf = async (siteId: string) =>
    tokens
      .list()
      .filter((t) => t.kind === 'screen' && t.revokedAt === null && t.pointId !== null && topology.siteOfPoint(t.pointId) === siteId)
      .length;
  const figureSources = {
    indices,
    cases,
    reviews,
    reports: reportRowReader(reports.repo),
    points,
    screens: screensOf,
    ...kpi,
    staffPulseAnswers: async (siteId: string, since: number) => pulse.answersSince(siteId, weekKey(since, site(siteId)?.timeZone ?? 'UTC')),
  };
  const assessments = {
    repo: new AssessmentRepo(p.db),
    figures: (siteId: string, now: number) => assessmentFigures(figureSources, siteId, now),
  };
  let stopScheduler: (() => void) | undefined;
  return {
    name: 'reports',
    services: {},
    routes: [routes(reportRoutes, { services: { reports, topology } }), routes(assessmentRoutes, { services: { assessments, topology } })],
    start: () => {
      stopScheduler = new WeeklyScheduler({ reports, config: config.reports, sites: () => topology.sites(), logger }).start(
        config.reports.checkEveryMs,
      );
    },
    stop: () => stopScheduler?.(),
  };
}
