import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import type { SurveyConfig } from '../../platform/config/schema.ts';
import { SiteCalendar } from '../../core/calendar.ts';
import type { AnswerFilter, CountRow, GroupBy } from '../../platform/rollups/count-query.ts';
import { planRange, type Segment } from '../../platform/rollups/range-plan.ts';
import type { IndexResult } from './math/index-result.ts';
import {
  answerPolarity,
  ratingIndex,
  scalesOf,
  EMOTION_INDICES,
  RATING_INDICES,
  type IndexName,
  type RatingIndex,
} from './math/index-from-counts.ts';
import { criticality, responseRate, support } from './math/traffic-indices.ts';
import { emotionalEngagement, emotionalNps, entryExitShift } from './math/emotion-indices.ts';
import type { EmotionTotals, IndexReader } from './index-reader.ts';
import { hourCellsPlan, placeInCells } from './hour-breakdown.ts';
import {
  bucketAt,
  localDateBuckets,
  localHourBuckets,
  oneZone,
  segmentsFor,
  utcBuckets,
  HOUR,
  MINUTE,
  type Bucket,
} from './trend-buckets.ts';
import { emotionFilterOf, sumEmotionTotals, withoutAnswerFilters } from './emotion-scope.ts';

export interface IndexQuery {
  index: IndexName;
  siteId?: string | undefined;
  /** the sites the asker may see (undefined: every site) */
  siteIds?: readonly string[] | undefined;
  pointId?: string | undefined;
  deviceId?: string | undefined;
  /** only these devices' answers (the devices of a channel) */
  deviceIds?: readonly string[] | undefined;
  staffId?: string | undefined;
  surveyId?: string | undefined;
  questionId?: string | undefined;
  from: number;
  to: number;
}

/** hourOfWeek: the heat map's cells, group = ISO weekday × 100 + local hour (307 = Wednesday 07:00–08:00). */
export type Breakdown = 'point' | 'staff' | 'hourOfDay' | 'dayOfWeek' | 'hourOfWeek';
export type Interval = 'minute' | 'hour' | 'day' | 'week';

export interface GroupResult {
  group: string;
  result: IndexResult;
}

export interface TrendPoint {
  start: number;
  end: number;
  /** a day or week bucket's local date (the Monday of a week), YYYY-MM-DD */
  date?: string;
  result: IndexResult;
}

export interface Trend {
  /** 'local': buckets follow the sites' local clock; 'utc': whole UTC hours (sites in different zones) */
  buckets: 'local' | 'utc';
  points: TrendPoint[];
}

export class QueryError extends Error {}

const MAX_TREND_BUCKETS = 5000;

type Scope = { calendar: SiteCalendar; siteId: string; pointIds: string[] }[];

/**
 * Computes any index over any filter and range from the rollups, never from raw answers. Every answer
 * is a promise: the store behind the reader may be the gateway's SQLite file or a networked one.
 */
export class IndexService {
  private readonly calendars = new Map<string, SiteCalendar>();

  constructor(
    private readonly topology: TopologyRepo,
    private readonly reader: IndexReader,
    private readonly options: { minAnswers: number; minFaces: number; surveys: SurveyConfig[] },
  ) {}

  /** The points a query covers, grouped by site (each site has its own calendar). */
  private async scope(q: IndexQuery): Promise<Scope> {
    if (!(q.from < q.to)) throw new QueryError('"from" must be before "to"');
    const sites = new Map(this.topology.sites().map((s) => [s.id, s]));
    if (q.siteId && !sites.has(q.siteId)) throw new QueryError(`No site "${q.siteId}"`);
    const visible = q.siteIds ? new Set(q.siteIds) : undefined;
    let points = this.topology
      .points()
      .filter((p) => (!q.siteId || p.siteId === q.siteId) && (!q.pointId || p.id === q.pointId) && (!visible || visible.has(p.siteId)));
    if (q.pointId && points.length === 0) throw new QueryError(`No point "${q.pointId}"${q.siteId ? ` at site "${q.siteId}"` : ''}`);
    if (q.staffId !== undefined) {
      // An answer belongs to a staff member only through a shift at its point, so only those points can hold any.
      const worked = new Set(await this.reader.pointsWorked(q.staffId, q.from - MINUTE, q.to + MINUTE));
      points = points.filter((p) => worked.has(p.id));
    }
    const bySite = new Map<string, string[]>();
    for (const p of points) bySite.set(p.siteId, [...(bySite.get(p.siteId) ?? []), p.id]);
    return [...bySite].map(([siteId, pointIds]) => ({ siteId, pointIds, calendar: this.calendar(sites.get(siteId)!.timeZone) }));
  }

  private calendar(timeZone: string): SiteCalendar {
    let c = this.calendars.get(timeZone);
    if (!c) this.calendars.set(timeZone, (c = new SiteCalendar(timeZone)));
    return c;
  }

  private filter(q: IndexQuery, pointIds: string[]): AnswerFilter {
    const index = q.index as RatingIndex;
    return {
      pointIds,
      deviceId: q.deviceId,
      deviceIds: q.deviceIds,
      staffId: q.staffId,
      surveyId: q.surveyId,
      questionId: q.questionId,
      scales: scalesOf(index),
    };
  }

  private async rows(q: IndexQuery, plan: (calendar: SiteCalendar) => Segment[], groupBy?: GroupBy): Promise<CountRow[]> {
    const scopes = await this.scope(q);
    const perSite = await Promise.all(
      scopes.map(({ calendar, pointIds }) => this.reader.counts(plan(calendar), this.filter(q, pointIds), groupBy)),
    );
    return perSite.flat();
  }

  /** The index from count rows; customers are read only for the traffic indices that need them. */
  private async fromRows(q: IndexQuery, rows: CountRow[], customers: () => Promise<number>): Promise<IndexResult> {
    const { minAnswers, surveys } = this.options;
    if ((RATING_INDICES as readonly string[]).includes(q.index)) return ratingIndex(q.index as RatingIndex, rows, minAnswers, surveys);
    const t = { ...answerPolarity(rows), customers: await customers() };
    if (q.index === 'responseRate') return responseRate(t, minAnswers);
    if (q.index === 'criticality') return criticality(t, minAnswers);
    return support(t, minAnswers);
  }

  private async customers(q: IndexQuery, from: number, to: number, pointIds?: string[]): Promise<number> {
    const ids = pointIds ?? (await this.scope(q)).flatMap((s) => s.pointIds);
    return this.reader.customersServed(ids, from, to);
  }

  private emotionResult(q: IndexQuery, counts: EmotionTotals): IndexResult {
    const { minFaces } = this.options;
    if (q.index === 'emotionalNps') return emotionalNps(counts.all, minFaces);
    if (q.index === 'emotionalEngagement') return emotionalEngagement(counts.all, minFaces);
    return entryExitShift(counts.entry, counts.exit, minFaces);
  }

  private isEmotion(q: IndexQuery): boolean {
    return (EMOTION_INDICES as readonly string[]).includes(q.index);
  }

  async compute(q: IndexQuery): Promise<IndexResult> {
    if (this.isEmotion(q)) {
      await this.scope(withoutAnswerFilters(q));
      return this.emotionResult(q, await this.reader.emotionTotals(emotionFilterOf(q, q.from, q.to)));
    }
    const rows = await this.rows(q, (calendar) => planRange(q.from, q.to, calendar));
    return this.fromRows(q, rows, () => this.customers(q, q.from, q.to));
  }

  /** Answers and their positive and negative halves over a range (for alert rules). */
  async polarityCounts(q: Omit<IndexQuery, 'index'>): Promise<{ answers: number; positive: number; negative: number }> {
    const query = { ...q, index: 'responseRate' as const };
    return answerPolarity(await this.rows(query, (calendar) => planRange(q.from, q.to, calendar)));
  }

  async breakdown(q: IndexQuery, by: Breakdown): Promise<GroupResult[]> {
    if (this.isEmotion(q)) throw new QueryError('Emotional indices break down by trend only');
    if (by === 'point' || by === 'staff') {
      const rows = await this.rows(q, (calendar) => planRange(q.from, q.to, calendar), by);
      const groups = new Map<string, CountRow[]>();
      for (const r of rows) {
        const key = String(r.group) || '(unassigned)';
        groups.set(key, [...(groups.get(key) ?? []), r]);
      }
      const sorted = [...groups].sort(([a], [b]) => a.localeCompare(b));
      return Promise.all(
        sorted.map(async ([group, rs]) => ({
          group,
          result: await this.fromRows(q, rs, async () => (by === 'point' ? this.customers(q, q.from, q.to, [group]) : 0)),
        })),
      );
    }
    // Hour of day and day of week: each answer in its site's local hour (whole UTC hours, or minutes in a half-hour zone).
    const groups = new Map<number, CountRow[]>();
    const cell = ({ hour, weekday }: { hour: number; weekday: number }) =>
      by === 'hourOfDay' ? hour : by === 'dayOfWeek' ? weekday : weekday * 100 + hour;
    for (const { calendar, pointIds } of await this.scope(q)) {
      const { segment, unit } = hourCellsPlan(q.from, q.to, calendar.timeZone);
      placeInCells(await this.reader.counts([segment], this.filter(q, pointIds), 'bucket'), unit, calendar.timeZone, cell, groups);
    }
    const sorted = [...groups].sort(([a], [b]) => a - b);
    return Promise.all(sorted.map(async ([group, rs]) => ({ group: String(group), result: await this.fromRows(q, rs, async () => 0) })));
  }

  async trend(q: IndexQuery, interval: Interval): Promise<TrendPoint[]> {
    return (await this.trendOf(q, interval)).points;
  }

  /**
   * A trend and what its buckets are (METRICS.md "Trend buckets"): minute and hour buckets local to the
   * one zone a query covers, or whole UTC hours across zones; day and week buckets each site's own local
   * days, labelled by local date (a bucket of several sites spans from the earliest start to the latest end).
   */
  async trendOf(q: IndexQuery, interval: Interval): Promise<Trend> {
    const scopes = await this.scope(this.isEmotion(q) ? withoutAnswerFilters(q) : q);
    const zones = scopes.map((s) => s.calendar.timeZone);
    const local = oneZone(zones);
    const tooMany = (count: number) => {
      if (count > MAX_TREND_BUCKETS)
        throw new QueryError(`${count} ${interval}s is too many points for one trend; choose a coarser interval`);
    };
    if (interval === 'minute' || interval === 'hour') {
      const buckets =
        interval === 'hour' && local && zones[0]
          ? localHourBuckets(q.from, q.to, zones[0], MAX_TREND_BUCKETS)
          : utcBuckets(q.from, q.to, interval === 'hour' ? HOUR : MINUTE, MAX_TREND_BUCKETS);
      tooMany(buckets.length);
      const perSite = scopes.map(({ siteId, pointIds }) => ({ siteId, pointIds, buckets }));
      return { buckets: local ? 'local' : 'utc', points: await this.trendPoints(q, buckets, perSite) };
    }
    // Day and week: each site's own whole local units, merged by local date.
    const byDate = new Map<string, Bucket & { date: string }>();
    const perSite = scopes.map(({ siteId, pointIds, calendar }) => {
      const dated = localDateBuckets(q.from, q.to, interval, calendar, MAX_TREND_BUCKETS);
      tooMany(dated.length);
      for (const b of dated) {
        const m = byDate.get(b.date);
        byDate.set(b.date, m ? { date: b.date, start: Math.min(m.start, b.start), end: Math.max(m.end, b.end) } : { ...b });
      }
      return { siteId, pointIds, buckets: dated };
    });
    const merged = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
    tooMany(merged.length);
    return { buckets: 'local', points: await this.trendPoints(q, merged, perSite) };
  }

  /**
   * One point per merged bucket; each site contributes its own buckets (matched by index for time buckets,
   * by date for dated ones), read from the rollups: hour level for whole UTC hours, minute level otherwise.
   */
  private async trendPoints(
    q: IndexQuery,
    merged: readonly (Bucket & { date?: string })[],
    perSite: { siteId: string; pointIds: string[]; buckets: readonly (Bucket & { date?: string })[] }[],
  ): Promise<TrendPoint[]> {
    const slot = new Map(merged.map((b, i) => [b.date ?? b.start, i]));
    const rows: CountRow[][] = merged.map(() => []);
    const spans: { siteId: string; pointIds: string[]; from: number; to: number }[][] = merged.map(() => []);
    for (const { siteId, pointIds, buckets } of perSite) {
      if (buckets.length === 0) continue;
      const at = buckets.map((b) => slot.get(b.date ?? b.start)!);
      buckets.forEach((b, k) => spans[at[k]!]!.push({ siteId, pointIds, from: b.start, to: b.end }));
      if (this.isEmotion(q)) continue;
      for (const segment of segmentsFor(buckets)) {
        const unit = segment.level === 'hour' ? HOUR : MINUTE;
        for (const r of await this.reader.counts([segment], this.filter(q, pointIds), 'bucket')) {
          const k = bucketAt(buckets, Number(r.group) * unit);
          if (k >= 0) rows[at[k]!]!.push(r);
        }
      }
    }
    return Promise.all(
      merged.map(async ({ start, end, date }, i) => {
        const result = this.isEmotion(q)
          ? this.emotionResult(q, await this.emotionsOver(q, spans[i]!))
          : await this.fromRows(q, rows[i]!, async () => {
              const counts = await Promise.all(spans[i]!.map((sp) => this.customers(q, sp.from, sp.to, sp.pointIds)));
              return counts.reduce((a, b) => a + b, 0);
            });
        return { start, end, ...(date ? { date } : {}), result };
      }),
    );
  }

  /** Camera windows summed over each site's own span of a bucket. */
  private async emotionsOver(q: IndexQuery, spans: { siteId: string; from: number; to: number }[]): Promise<EmotionTotals> {
    const totals = await Promise.all(spans.map((sp) => this.reader.emotionTotals(emotionFilterOf(q, sp.from, sp.to, sp.siteId))));
    return sumEmotionTotals(totals);
  }
}
