import { emptyEmotionCounts, type EmotionCounts } from '../../core/emotion-counts.ts';
import type { EmotionFilter, EmotionTotals } from './index-reader.ts';

/** The parts of an index query that decide which camera windows count. */
interface EmotionQuery {
  siteId?: string | undefined;
  siteIds?: readonly string[] | undefined;
  pointId?: string | undefined;
  deviceId?: string | undefined;
  deviceIds?: readonly string[] | undefined;
  staffId?: string | undefined;
  surveyId?: string | undefined;
  questionId?: string | undefined;
}

/**
 * Cameras belong to a point and so to a site (METRICS.md "Emotions"): the site and point filters and the
 * reader's visible sites choose camera windows; `siteId` narrows to one site of a per-site span.
 */
export function emotionFilterOf(q: EmotionQuery, from: number, to: number, siteId?: string): EmotionFilter {
  const sites = siteId !== undefined ? [siteId] : q.siteId !== undefined ? [q.siteId] : q.siteIds;
  const visible = q.siteIds ? new Set(q.siteIds) : undefined;
  return {
    siteIds: sites && visible ? sites.filter((s) => visible.has(s)) : sites ? [...sites] : undefined,
    pointIds: q.pointId !== undefined ? [q.pointId] : undefined,
    from,
    to,
  };
}

export type IgnoredFilter = 'deviceId' | 'channel' | 'staffId' | 'surveyId' | 'questionId';

/** The answer-only filters of a query that emotional indices ignore (device, channel, staff, survey, question). */
export function ignoredEmotionFilters(q: EmotionQuery): IgnoredFilter[] {
  const ignored: IgnoredFilter[] = [];
  if (q.deviceId !== undefined) ignored.push('deviceId');
  if (q.deviceIds !== undefined) ignored.push('channel');
  if (q.staffId !== undefined) ignored.push('staffId');
  if (q.surveyId !== undefined) ignored.push('surveyId');
  if (q.questionId !== undefined) ignored.push('questionId');
  return ignored;
}

/** The query without its answer-only filters: what emotional indices are computed over. */
export function withoutAnswerFilters<Q extends EmotionQuery>(q: Q): Q {
  return { ...q, deviceId: undefined, deviceIds: undefined, staffId: undefined, surveyId: undefined, questionId: undefined };
}

function add(into: EmotionCounts, from: EmotionCounts): void {
  for (const key of Object.keys(into) as (keyof EmotionCounts)[]) into[key] += from[key];
}

export function sumEmotionTotals(totals: readonly EmotionTotals[]): EmotionTotals {
  const sum = { all: emptyEmotionCounts(), entry: emptyEmotionCounts(), exit: emptyEmotionCounts() };
  for (const t of totals) {
    add(sum.all, t.all);
    add(sum.entry, t.entry);
    add(sum.exit, t.exit);
  }
  return sum;
}
