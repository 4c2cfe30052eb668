import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import type { SurveyConfig } from '../../platform/config/schema.ts';
import { SiteCalendar } from '../../core/calendar.ts';
import type { AnswerFilter, CountRow, GroupBy } from '../../platform/rollups/count-query.ts';
import { planRange, type Segment } from '../../platform/rollups/range-plan.ts';
import type { IndexResult } from './math/index-result.ts';
import { sumResponses, type ResponseCountRow, type ResponseFilter } from '../../platform/rollups/response-count-query.ts';
import {
  ratingIndex,
  scalesOf,
  EMOTION_INDICES,
  RATING_INDICES,
  TRAFFIC_INDICES,
  type IndexName,
  type RatingIndex,
} from './math/index-from-counts.ts';
import { criticality, responseRate, support } from './math/traffic-indices.ts';
import { localDaysIn, type LocalDays } from './local-days.ts';
import { emotionalEngagement, emotionalNps, entryExitShift } from './math/emotion-indices.ts';
import type { EmotionTotals, IndexReader } from './index-reader.ts';
import { pointOfDevice, ServedCustomers } from './served-customers.ts';
import type { Span } from './customer-spans.ts';
import { cellSpans, hourCellsPlan, placeInCells } from './hour-breakdown.ts';
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
  /** local days each site reads in its own zone (from and to then span them all; see narrowed) */
  days?: LocalDays | undefined;
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

/** A site's part of a query: its calendar, its points, and its own [from, to) (its local days when the query has days). */
type Scope = { calendar: SiteCalendar; siteId: string; pointIds: string[]; from: number; to: number }[];

/**
 * Computes any index over any filter and range from the rollups, never from raw answers. Every answer
 * is a promise: the store behind the reader may be the gateway's SQLite file or a networked one.
 */
export class IndexService {
  private readonly calendars = new Map<string, SiteCalendar>();
  private readonly served: ServedCustomers;

  constructor(
    private readonly topology: TopologyRepo,
    private readonly reader: IndexReader,
    private readonly options: { minAnswers: number; minFaces: number; surveys: SurveyConfig[] },
  ) {
    this.served = new ServedCustomers(topology, reader);
  }

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
    if (q.deviceId !== undefined) {
      // A device answers at one point, so it covers that point's site only (whose zone decides local trend buckets).
      const devicePoint = pointOfDevice(this.topology, q.deviceId);
      points = points.filter((p) => p.id === devicePoint);
    }
    if (q.staffId !== undefined) {
      // An answer belongs to a staff member only through a shift at its point, so only those points can hold any.
      const worked = new Set(await this.reader.pointsWorked(q.staffId, q.from - MINUTE, q.to + MINUTE));
      points = points.filter((p) => worked.has(p.id));
    }
    const bySite = new Map<string, string[]>();
    for (const p of points) bySite.set(p.siteId, [...(bySite.get(p.siteId) ?? []), p.id]);
    return [...bySite].map(([siteId, pointIds]) => {
      const calendar = this.calendar(sites.get(siteId)!.timeZone);
      const range = q.days ? localDaysIn(calendar.timeZone, q.days) : { from: q.from, to: q.to };
      return { siteId, pointIds, calendar, ...range };
    });
  }

  /**
   * A query of local days with from and to narrowed to the sites it covers: the earliest local start
   * and the latest local end (what the answer reports, and what time buckets across zones span).
   */
  async narrowed<Q extends IndexQuery>(q: Q): Promise<Q> {
    if (!q.days) return q;
    const scopes = await this.scope(this.isEmotion(q) ? withoutAnswerFilters(q) : q);
    if (scopes.length === 0) return { ...q, ...localDaysIn('UTC', q.days) };
    return { ...q, from: Math.min(...scopes.map((s) => s.from)), to: Math.max(...scopes.map((s) => s.to)) };
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

  /** Which responses a traffic index counts: every answer filter, the device and the channel included (METRICS.md "Precise readings"). */
  private responseFilter(q: Omit<IndexQuery, 'index'>, pointIds: string[]): ResponseFilter {
    const { deviceId, deviceIds, staffId, surveyId, questionId } = q;
    return { pointIds, deviceId, deviceIds, staffId, surveyId, questionId };
  }

  private isRating(q: IndexQuery): boolean {
    return (RATING_INDICES as readonly string[]).includes(q.index);
  }

  /** Count rows for a rating index (answers), response rows for a traffic index (people). */
  private read(q: IndexQuery, segments: Segment[], pointIds: string[], groupBy?: GroupBy): Promise<Row[]> {
    if (this.isRating(q)) return this.reader.counts(segments, this.filter(q, pointIds), groupBy);
    return this.reader.responseCounts(segments, this.responseFilter(q, pointIds), groupBy);
  }

  /** Each site's rows over its own part of the range. */
  private async rows(q: IndexQuery, scopes: Scope, groupBy?: GroupBy): Promise<Row[]> {
    const perSite = await Promise.all(
      scopes.map(({ calendar, pointIds, from, to }) => this.read(q, planRange(from, to, calendar), pointIds, groupBy)),
    );
    return perSite.flat();
  }

  /** The index from its rows; customers are read only for the traffic indices that need them. */
  private async fromRows(q: IndexQuery, rows: Row[], customers: () => Promise<number>): Promise<IndexResult> {
    const { minAnswers, surveys } = this.options;
    if (this.isRating(q)) return ratingIndex(q.index as RatingIndex, rows.filter(isCountRow), minAnswers, surveys);
    const t = { ...sumResponses(rows.filter(isResponseRow)), customers: await customers() };
    if (q.index === 'responseRate') return responseRate(t, minAnswers);
    if (q.index === 'criticality') return criticality(t, minAnswers);
    return support(t, minAnswers);
  }

  /** Customers served at the query's points, each site over its own part of the range, pro-rated (METRICS.md); device and staff filters narrow them. */
  private async customers(q: IndexQuery, scopes: Scope): Promise<number> {
    const perSite = await Promise.all(scopes.map((s) => this.customersPerBucket(q, s.pointIds, [{ from: s.from, to: s.to }])));
    return perSite.reduce((sum, [n]) => sum + (n ?? 0), 0);
  }

  private async customersPerBucket(q: IndexQuery, pointIds: string[], buckets: Span[]): Promise<number[]> {
    return this.isTraffic(q) ? this.served.perBucket(q, pointIds, buckets) : buckets.map(() => 0);
  }

  /** A breakdown's customers per group: every point (or person) that served customers in the range is a group. */
  private async groupCustomers(q: IndexQuery, by: 'point' | 'staff', scopes: Scope): Promise<Map<string, number>> {
    const total = new Map<string, number>();
    if (!this.isTraffic(q)) return total;
    for (const { pointIds, from, to } of scopes) {
      const range = { from, to };
      const part = await (by === 'point' ? this.served.byPoint(q, pointIds, range) : this.served.byStaff(q, pointIds, range));
      for (const [key, n] of part) total.set(key, (total.get(key) ?? 0) + n);
    }
    return total;
  }

  private isTraffic(q: IndexQuery): boolean {
    return (TRAFFIC_INDICES as readonly string[]).includes(q.index);
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

  async compute(asked: IndexQuery): Promise<IndexResult> {
    const q = await this.narrowed(asked);
    if (this.isEmotion(q)) {
      const scopes = await this.scope(withoutAnswerFilters(q));
      if (q.days) return this.emotionResult(q, await this.emotionsOver(q, scopes));
      return this.emotionResult(q, await this.reader.emotionTotals(emotionFilterOf(q, q.from, q.to)));
    }
    const scopes = await this.scope(q);
    return this.fromRows(q, await this.rows(q, scopes), () => this.customers(q, scopes));
  }

  /**
   * Responses (people, not answers) over a range with their negative, positive and misuse parts, from the
   * response rollups: for alert rules and for the screens' "responses" figures.
   */
  async responseCounts(q: Omit<IndexQuery, 'index'>): Promise<Omit<ResponseCountRow, 'group'>> {
    const scopes = await this.scope({ ...q, index: 'responseRate' });
    const perSite = await Promise.all(
      scopes.map(({ calendar, pointIds, from, to }) =>
        this.reader.responseCounts(planRange(from, to, calendar), this.responseFilter(q, pointIds)),
      ),
    );
    return sumResponses(perSite.flat());
  }

  async breakdown(asked: IndexQuery, by: Breakdown): Promise<GroupResult[]> {
    if (this.isEmotion(asked)) throw new QueryError('Emotional indices break down by trend only');
    const q = await this.narrowed(asked);
    const scopes = await this.scope(q);
    if (by === 'point' || by === 'staff') {
      const rows = await this.rows(q, scopes, by);
      const groups = new Map<string, Row[]>();
      for (const r of rows) {
        const key = String(r.group) || '(unassigned)';
        groups.set(key, [...(groups.get(key) ?? []), r]);
      }
      const customers = await this.groupCustomers(q, by, scopes);
      for (const key of customers.keys()) if (!groups.has(key)) groups.set(key, []);
      const sorted = [...groups].sort(([a], [b]) => a.localeCompare(b));
      return Promise.all(
        sorted.map(async ([group, rs]) => ({
          group,
          result: await this.fromRows(q, rs, async () => customers.get(group) ?? 0),
        })),
      );
    }
    // Hour of day and day of week: each answer in its site's local hour (whole UTC hours, or minutes in a half-hour zone).
    const groups = new Map<number, Row[]>();
    const customers = new Map<number, number>();
    const cell = ({ hour, weekday }: { hour: number; weekday: number }) =>
      by === 'hourOfDay' ? hour : by === 'dayOfWeek' ? weekday : weekday * 100 + hour;
    for (const { calendar, pointIds, from, to } of scopes) {
      const plan = hourCellsPlan(from, to, calendar.timeZone);
      placeInCells(await this.read(q, [plan.segment], pointIds, 'bucket'), plan.unit, calendar.timeZone, cell, groups);
      if (!this.isTraffic(q)) continue;
      // The same time's customers, each run of a cell counted in that cell; a cell that served customers is listed.
      const spans = cellSpans(plan, calendar.timeZone, cell);
      const perSpan = await this.customersPerBucket(q, pointIds, spans);
      spans.forEach(({ key }, i) => perSpan[i]! > 0 && customers.set(key, (customers.get(key) ?? 0) + perSpan[i]!));
    }
    for (const key of customers.keys()) if (!groups.has(key)) groups.set(key, []);
    const sorted = [...groups].sort(([a], [b]) => a - b);
    return Promise.all(
      sorted.map(async ([group, rs]) => ({
        group: String(group),
        result: await this.fromRows(q, rs, async () => customers.get(group) ?? 0),
      })),
    );
  }

  async trend(q: IndexQuery, interval: Interval): Promise<TrendPoint[]> {
    return (await this.trendOf(q, interval)).points;
  }

  /**
   * A trend and what its buckets are (METRICS.md "Trend buckets"): minute and hour buckets local to the
   * one zone a query covers, or whole UTC hours across zones; day and week buckets each site's own local
   * days, labelled by local date (a bucket of several sites spans from the earliest start to the latest end).
   */
  async trendOf(asked: IndexQuery, interval: Interval): Promise<Trend> {
    const q = await this.narrowed(asked);
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
      // with local days, each site's hours are those of its own days
      const perSite = scopes.map(({ siteId, pointIds, from, to }) => ({
        siteId,
        pointIds,
        buckets: q.days ? buckets.filter((b) => b.start >= from && b.end <= to) : buckets,
      }));
      return { buckets: local ? 'local' : 'utc', points: await this.trendPoints(q, buckets, perSite) };
    }
    // Day and week: each site's own whole local units, merged by local date.
    const byDate = new Map<string, Bucket & { date: string }>();
    const perSite = scopes.map(({ siteId, pointIds, calendar, from, to }) => {
      const dated = localDateBuckets(from, to, interval, calendar, MAX_TREND_BUCKETS);
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
    const rows: Row[][] = merged.map(() => []);
    const customers: number[] = merged.map(() => 0);
    const spans: { siteId: string; from: number; to: number }[][] = merged.map(() => []);
    for (const { siteId, pointIds, buckets } of perSite) {
      if (buckets.length === 0) continue;
      const at = buckets.map((b) => slot.get(b.date ?? b.start)!);
      buckets.forEach((b, k) => spans[at[k]!]!.push({ siteId, from: b.start, to: b.end }));
      if (this.isEmotion(q)) continue;
      for (const segment of segmentsFor(buckets)) {
        const unit = segment.level === 'hour' ? HOUR : MINUTE;
        for (const r of await this.read(q, [segment], pointIds, 'bucket')) {
          const k = bucketAt(buckets, Number(r.group) * unit);
          if (k >= 0) rows[at[k]!]!.push(r);
        }
      }
      // One read of this site's customers serves all its buckets (pro-rated by overlap).
      const served = await this.customersPerBucket(
        q,
        pointIds,
        buckets.map((b) => ({ from: b.start, to: b.end })),
      );
      served.forEach((n, k) => (customers[at[k]!]! += n));
    }
    return Promise.all(
      merged.map(async ({ start, end, date }, i) => {
        const result = this.isEmotion(q)
          ? this.emotionResult(q, await this.emotionsOver(q, spans[i]!))
          : await this.fromRows(q, rows[i]!, async () => customers[i]!);
        return { start, end, ...(date ? { date } : {}), result };
      }),
    );
  }

  /** Camera windows summed over each site's own span of a bucket (or of the range). */
  private async emotionsOver(q: IndexQuery, spans: readonly { siteId: string; from: number; to: number }[]): Promise<EmotionTotals> {
    const totals = await Promise.all(spans.map((sp) => this.reader.emotionTotals(emotionFilterOf(q, sp.from, sp.to, sp.siteId))));
    return sumEmotionTotals(totals);
  }
}

/** A rating index reads answer counts; a traffic index reads response counts. */
type Row = CountRow | ResponseCountRow;

const isCountRow = (r: Row): r is CountRow => 'scale' in r;
const isResponseRow = (r: Row): r is ResponseCountRow => 'responses' in r;
