import type { IndexService } from '../indices/index-service.ts';
import type { CaseReader, ReportRowReader, ReviewReader } from './report-readers.ts';
import type { AssessmentFigures } from './self-assessment.ts';
import { caseKpis, share, type KpiTargets } from './case-kpis.ts';
import type { CollectionReader } from './collection-repo.ts';
import { collection as collectionFigure, firstResponseDue } from './report-data.ts';
import type { WorkingCalendar } from '../../core/working-calendar.ts';

const DAY = 86_400_000;

export interface FigureSources {
  indices: IndexService;
  cases: CaseReader;
  reviews: ReviewReader;
  reports: ReportRowReader;
  points: (siteId: string) => { id: string }[];
  /** staff screens paired to the site's points and not revoked */
  screens: (siteId: string) => Promise<number>;
  /** staff pulse answers at the site since an instant (0 while the gateway collects none) */
  staffPulseAnswers: (siteId: string, since: number) => Promise<number>;
  collection: CollectionReader;
  calendarOf: (siteId: string) => WorkingCalendar;
  targets: KpiTargets;
}

/** The site's own figures over the last 30 days (and the 30 before), for the automatic answers. */
export async function assessmentFigures(src: FigureSources, siteId: string, now: number): Promise<AssessmentFigures> {
  const from = now - 30 * DAY;
  const before = { from: from - 30 * DAY, to: from };
  const base = { siteId, siteIds: [siteId], from, to: now };
  const [nps, npsBefore, collected] = await Promise.all([
    src.indices.compute({ ...base, index: 'nps' }),
    src.indices.compute({ ...base, ...before, index: 'nps' }),
    src.collection(siteId, from, now),
  ]);
  const collection = collectionFigure(collected, src.targets.collection);
  const points = src.points(siteId);
  const answered = await Promise.all(points.map((p) => src.indices.responseCounts({ ...base, pointId: p.id })));
  const pointsWithAnswers = answered.filter((c) => c.responses > 0).length;
  const [opened, openedBefore, deadlines, allReviews, reports, screenTokens, staffPulseAnswers] = await Promise.all([
    src.cases.list({ siteIds: [siteId], from, to: now, limit: 100_000 }),
    src.cases.list({ siteIds: [siteId], ...before, limit: 100_000 }),
    src.cases.deadlinesDue(siteId, from, now),
    src.reviews.list({ siteIds: [siteId], from, to: now, limit: 100_000 }),
    src.reports.list([siteId], 100),
    src.screens(siteId),
    src.staffPulseAnswers(siteId, from),
  ]);
  const kpis = caseKpis(opened, deadlines, firstResponseDue(src.calendarOf), src.targets);
  const reviews = allReviews.filter((r) => r.replyDueAt <= now || r.answeredAt !== null);
  const callbacks = opened.filter((c) => c.summary.startsWith('callback request'));
  return {
    nps: { value: nps.value, n: nps.n },
    npsBefore: { value: npsBefore.value, n: npsBefore.n },
    collection,
    targets: src.targets,
    points: points.length,
    pointsWithAnswers,
    complaints: opened.length,
    complaintsBefore: openedBefore.length,
    repeatShare: kpis.repeats.share,
    firstResponseShare: kpis.firstResponse.share,
    // resolved by the deadline, never reopened, confirmed by the customer (or unreachable)
    completionShare: kpis.completion.share,
    reviewsInTimeShare: share(reviews.filter((r) => r.answeredAt !== null && r.answeredAt <= r.replyDueAt).length, reviews.length),
    weeklyReports: reports.filter((r) => r.kind === 'weekly' && r.createdAt >= from && r.status === 'ready').length,
    casesOpened: opened.length,
    callbacks: callbacks.length,
    callbacksClosed: callbacks.filter((c) => c.status === 'closed').length,
    screenTokens,
    staffPulseAnswers,
  };
}
