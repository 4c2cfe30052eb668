import { DateTime } from 'luxon';
import type { IndexService } from '../indices/index-service.ts';
import type { IndexResult } from '../indices/math/index-result.ts';
import { INDEX_NAMES, EMOTION_INDICES, type IndexName } from '../../core/index-names.ts';
import { CASE_CATEGORIES, type Case } from '../cases/case.ts';
import { polarity } from '../../core/scale.ts';
import type { CaseReader, NoteReader, ReportRowReader, ReviewReader } from './report-readers.ts';
import { caseKpis, level, share, type CaseKpis, type KpiTargets, type Level } from './case-kpis.ts';
import { collectionRate, type CollectionCounts, type CollectionRate, type CollectionReader } from './collection-repo.ts';
import type { WorkingCalendar } from '../../core/working-calendar.ts';

/** A count and its share of a total n, a percentage 0–100 (null share when n is 0). */
export interface Share {
  key: string;
  count: number;
  n: number;
  share: number | null;
}

/** A share of n as the report shows it: a percentage 0–100 (null when n is 0). */
const shareOf = (key: string, count: number, n: number): Share => ({ key, count, n, share: share(count, n) });

/** The collection rate with its own n: the feedback given, responses stored plus those known lost. */
export type Collection = CollectionRate & { n: number };
export function collection(counts: CollectionCounts, target: number): Collection {
  const rate = collectionRate(counts, target);
  return { ...rate, n: rate.stored + rate.lost };
}

export interface ReportData {
  site: { id: string; name: string; timeZone: string };
  from: number;
  to: number;
  previous: { from: number; to: number };
  generatedAt: number;
  indices: { index: IndexName; result: IndexResult; previous: IndexResult }[];
  /** the Happy Index per local day of the period */
  daily: { day: string; result: IndexResult }[];
  cases: CaseKpis & {
    opened: number;
    byCategory: Share[];
    bySeverity: Share[];
    overdue: Pick<Case, 'id' | 'category' | 'severity' | 'owner' | 'escalatedTo' | 'summary' | 'overdueAt' | 'status'>[];
  };
  /**
   * responses stored / (stored + known lost) (n), against its target; the response rate (a percentage of
   * the customers served, n) beside it
   */
  collection: Collection & { responseRate: { rate: number | null; n: number } };
  problems: {
    reasons: Share[];
    categories: Share[];
    hours: (Share & { answers: number })[];
    points: (Share & { answers: number })[];
    rootCauses: Share[];
  };
  reviews: {
    total: number;
    bySentiment: Share[];
    averageRating: number | null;
    answered: number;
    answeredInTime: Level;
    overdue: number;
    checkViolations: number;
    checkedDays: number;
  };
  emotions: { index: IndexName; result: IndexResult }[];
}

function shares(counts: Map<string, number>, total: number, limit = 10): Share[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([key, count]) => shareOf(key, count, total));
}

function tally<T>(items: T[], key: (item: T) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Each of a fixed list of keys (in its order, zeros included) with its count and share of the items. */
function sharesOf<T>(keys: readonly string[], items: T[], key: (item: T) => string): Share[] {
  const counts = tally(items, key);
  return keys.map((k) => shareOf(k, counts.get(k) ?? 0, items.length));
}

export interface ReportSources {
  indices: IndexService;
  cases: CaseReader;
  reviews: ReviewReader;
  notes: NoteReader;
  reports: ReportRowReader;
  points: (siteId: string) => { id: string; name: string }[];
  collection: CollectionReader;
  calendarOf: (siteId: string) => WorkingCalendar;
  targets: KpiTargets;
}

/** 2 working hours after a case opened, in its site's calendar (as the deadlines are). */
export const firstResponseDue = (calendarOf: (siteId: string) => WorkingCalendar) => (c: Case) =>
  calendarOf(c.siteId).due(c.openedAt, { workingHours: 2 });

/** Everything a report shows for one site and period, computed from the store. */
export async function reportData(
  src: ReportSources,
  site: { id: string; name: string; timeZone: string },
  from: number,
  to: number,
  now: number,
): Promise<ReportData> {
  const previous = { from: from - (to - from), to: from };
  const base = { siteId: site.id, siteIds: [site.id], from, to };
  const indices = await Promise.all(
    INDEX_NAMES.map(async (index) => ({
      index,
      result: await src.indices.compute({ ...base, index }),
      previous: await src.indices.compute({ ...base, ...previous, index }),
    })),
  );
  const days: string[] = [];
  const happyOfDay: Promise<IndexResult>[] = [];
  for (let day = DateTime.fromMillis(from, { zone: site.timeZone }).startOf('day'); day.toMillis() < to; day = day.plus({ days: 1 })) {
    days.push(day.toISODate()!);
    happyOfDay.push(
      src.indices.compute({
        ...base,
        index: 'happy',
        from: Math.max(from, day.toMillis()),
        to: Math.min(to, day.plus({ days: 1 }).toMillis()),
      }),
    );
  }
  const daily: ReportData['daily'] = (await Promise.all(happyOfDay)).map((result, i) => ({ day: days[i]!, result }));

  const points = src.points(site.id);
  const pointIds = points.map((p) => p.id);
  const fromDay = Number(DateTime.fromMillis(from, { zone: site.timeZone }).toFormat('yyyyMMdd'));
  const toDay = Number(DateTime.fromMillis(to - 1, { zone: site.timeZone }).toFormat('yyyyMMdd'));
  const [opened, closedWithCause, deadlines, overdue, negativeNotes, reasons, ratings, reviews, checks, collected] = await Promise.all([
    src.cases.list({ siteIds: [site.id], from, to, limit: 100_000 }),
    src.cases.list({ siteIds: [site.id], status: 'closed', closedFrom: from, closedTo: to, limit: 100_000 }),
    src.cases.deadlinesDue(site.id, from, to),
    src.cases.overdue(site.id, 50),
    src.notes.countNegative(pointIds, from, to),
    src.notes.negativeReasons(pointIds, from, to),
    src.reports.ratings(site.id, from, to),
    src.reviews.list({ siteIds: [site.id], from, to, limit: 100_000 }),
    src.reviews.checks(site.id, fromDay, toDay),
    src.collection(site.id, from, to),
  ]);
  const byHour = new Map<string, { answers: number; negative: number }>();
  const byPoint = new Map<string, { answers: number; negative: number }>();
  let negativeTotal = 0;
  for (const r of ratings) {
    const negative = polarity(r.scale, r.value) === 'negative' ? 1 : 0;
    negativeTotal += negative;
    const hour = String(DateTime.fromMillis(r.occurredAt, { zone: site.timeZone }).hour).padStart(2, '0');
    for (const [map, key] of [
      [byHour, hour],
      [byPoint, r.pointId],
    ] as const) {
      const cell = map.get(key) ?? { answers: 0, negative: 0 };
      cell.answers++;
      cell.negative += negative;
      map.set(key, cell);
    }
  }
  const concentration = (map: Map<string, { answers: number; negative: number }>, name: (key: string) => string) =>
    [...map]
      .filter(([, c]) => c.negative > 0)
      .sort((a, b) => b[1].negative - a[1].negative || a[0].localeCompare(b[0]))
      .slice(0, 10)
      .map(([key, c]) => ({ ...shareOf(name(key), c.negative, negativeTotal), answers: c.answers }));

  const rated = reviews.filter((r) => r.rating !== null);
  const responseRate = indices.find((i) => i.index === 'responseRate')!.result;

  return {
    site,
    from,
    to,
    previous,
    generatedAt: now,
    indices: indices.filter((i) => !(EMOTION_INDICES as readonly string[]).includes(i.index)),
    daily,
    cases: {
      ...caseKpis(opened, deadlines, firstResponseDue(src.calendarOf), src.targets),
      opened: opened.length,
      byCategory: sharesOf(CASE_CATEGORIES, opened, (c) => c.category),
      bySeverity: sharesOf(['1', '2', '3'], opened, (c) => String(c.severity)),
      overdue: overdue.map(({ id, category, severity, owner, escalatedTo, summary, overdueAt, status }) => ({
        id,
        category,
        severity,
        owner,
        escalatedTo,
        summary,
        overdueAt,
        status,
      })),
    },
    collection: {
      ...collection(collected, src.targets.collection),
      // the response-rate index is a percentage 0–100 of the customers served (its n), as every share here
      responseRate: { rate: responseRate.value, n: responseRate.n },
    },
    problems: {
      reasons: reasons.map((r) => shareOf(r.reason, r.count, negativeNotes)),
      categories: shares(
        tally(opened, (c) => (c.subcategory ? `${c.category}: ${c.subcategory}` : c.category)),
        opened.length,
      ),
      hours: concentration(byHour, (h) => `${h}:00–${h}:59`),
      points: concentration(byPoint, (id) => points.find((p) => p.id === id)?.name ?? id),
      rootCauses: shares(
        tally(closedWithCause, (c) => c.rootCause),
        closedWithCause.length,
      ),
    },
    reviews: {
      total: reviews.length,
      bySentiment: sharesOf(['positive', 'neutral', 'negative'], reviews, (r) => r.sentiment),
      averageRating: rated.length ? rated.reduce((sum, r) => sum + r.rating!, 0) / rated.length : null,
      answered: reviews.filter((r) => r.answeredAt !== null).length,
      answeredInTime: level(reviews.length, reviews.filter((r) => r.answeredAt !== null && r.answeredAt <= r.replyDueAt).length, 100),
      overdue: reviews.filter((r) => r.answeredAt === null && r.replyDueAt < now).length,
      checkViolations: checks.filter((c) => c.violationAt !== null).length,
      checkedDays: checks.filter((c) => c.checkedAt !== null).length,
    },
    emotions: indices
      .filter((i) => (EMOTION_INDICES as readonly string[]).includes(i.index))
      .map(({ index, result }) => ({ index, result })),
  };
}
