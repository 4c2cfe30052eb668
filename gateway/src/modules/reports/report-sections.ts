import { DateTime } from 'luxon';
import type { IndexResult } from '../indices/math/index-result.ts';
import type { ReportData, Share } from './report-data.ts';
import type { Level } from './case-kpis.ts';
import type { ReportLabels } from './report-labels.ts';

/** A table cell: text, a plain number, a share (a percentage 0–100, as in the API), or empty. */
export type Cell = string | number | { share: number | null } | null;

export interface Table {
  /** a sheet name for the workbook (short, unique) */
  sheet: string;
  heading: string;
  columns: string[];
  rows: Cell[][];
  /** shown instead of an empty table */
  empty?: string;
}

/** The report as titled tables: what the HTML page, the PDF and the workbook all show, in the same order. */
export interface ReportDocument {
  title: string;
  subtitle: string;
  generated: string;
  tables: Table[];
}

const round = (v: number | null, digits = 1) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

export function formatCell(cell: Cell, locale: string): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return cell.toLocaleString(locale, { maximumFractionDigits: 2 });
  return cell.share === null ? '—' : `${cell.share.toLocaleString(locale, { maximumFractionDigits: 1 })}%`;
}

export function reportDocument(data: ReportData, l: ReportLabels): ReportDocument {
  const zone = data.site.timeZone;
  const date = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd');
  const dateTime = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm');
  const interval = (r: IndexResult) => (r.ci ? `${round(r.ci[0])} – ${round(r.ci[1])}` : null);
  const value = (r: IndexResult): Cell => (r.enough ? round(r.value) : r.value === null ? null : `${round(r.value)} (${l.notEnough})`);
  const shareRows = (shares: Share[], name: (key: string) => string = (k) => k): Cell[][] =>
    shares.map((s) => [name(s.key), s.count, { share: s.share }]);
  const levelRow = (name: string, lv: Level): Cell[] => [name, lv.due, lv.met, { share: lv.share }, { share: lv.target }];
  const { cases, problems, reviews } = data;

  return {
    title: `${l.title}: ${data.site.name}`,
    subtitle: `${l.period}: ${date(data.from)} – ${date(data.to - 1)} (${zone})`,
    generated: `${l.generated}: ${dateTime(data.generatedAt)}`,
    tables: [
      {
        sheet: 'Indices',
        heading: l.indices,
        columns: [l.index, l.value, l.interval, l.answers, l.previousPeriod, l.change],
        rows: data.indices.map(({ index, result, previous }) => [
          l.indexNames[index],
          value(result),
          interval(result),
          result.n,
          round(previous.value),
          result.value !== null && previous.value !== null ? round(result.value - previous.value) : null,
        ]),
      },
      {
        sheet: 'Daily',
        heading: l.daily,
        columns: [l.day, l.value, l.interval, l.answers],
        rows: data.daily.map(({ day, result }) => [day, value(result), interval(result), result.n]),
      },
      {
        sheet: 'Service levels',
        heading: l.serviceLevels,
        columns: [l.measure, l.due, l.met, l.share, l.target],
        rows: [
          [l.casesOpened, cases.opened, null, null, null],
          levelRow(l.firstResponse, cases.firstResponse),
          [l.medianMinutes, round(cases.firstResponse.medianMinutes), null, null, null],
          levelRow(l.respondInTime, cases.respond),
          levelRow(l.resolveInTime, cases.resolve),
          levelRow(l.completion, cases.completion),
          [
            data.collection.lossesRecorded.length < 3 ? `${l.collection} (${l.lossesNotRecorded})` : l.collection,
            data.collection.stored + data.collection.lost,
            data.collection.stored,
            { share: data.collection.rate },
            { share: data.collection.target },
          ],
          [l.responseRate, data.collection.responseRate.n, null, { share: data.collection.responseRate.rate }, null],
          [l.repeatShare, cases.repeats.n, cases.repeats.count, { share: cases.repeats.share }, null],
        ],
      },
      {
        sheet: 'Categories',
        heading: `${l.cases}: ${l.category}`,
        columns: [l.category, l.count, l.share],
        rows: shareRows(cases.byCategory, (k) => l.categoryNames[k] ?? k),
      },
      {
        sheet: 'Severity',
        heading: `${l.cases}: ${l.severity}`,
        columns: [l.severity, l.count, l.share],
        rows: shareRows(cases.bySeverity),
      },
      {
        sheet: 'Overdue',
        heading: l.overdue,
        columns: ['#', l.category, l.severity, l.owner, l.escalatedTo, l.overdue, l.summary],
        rows: cases.overdue.map((c) => [
          c.id,
          l.categoryNames[c.category] ?? c.category,
          c.severity,
          c.owner,
          c.escalatedTo,
          c.overdueAt === null ? null : dateTime(c.overdueAt),
          c.summary.slice(0, 200),
        ]),
        empty: l.noOverdue,
      },
      {
        sheet: 'Reasons',
        heading: `${l.problems}: ${l.reasons}`,
        columns: [l.reasons, l.count, l.share],
        rows: shareRows(problems.reasons),
        empty: l.none,
      },
      {
        sheet: 'Case categories',
        heading: `${l.problems}: ${l.categories}`,
        columns: [l.category, l.count, l.share],
        rows: shareRows(problems.categories),
        empty: l.none,
      },
      {
        sheet: 'Hours',
        heading: `${l.problems}: ${l.hours}`,
        columns: [l.hours, l.negative, l.share, l.answers],
        rows: problems.hours.map((h) => [h.key, h.count, { share: h.share }, h.answers]),
        empty: l.none,
      },
      {
        sheet: 'Points',
        heading: `${l.problems}: ${l.points}`,
        columns: [l.points, l.negative, l.share, l.answers],
        rows: problems.points.map((p) => [p.key, p.count, { share: p.share }, p.answers]),
        empty: l.none,
      },
      {
        sheet: 'Root causes',
        heading: `${l.problems}: ${l.rootCauses}`,
        columns: [l.rootCauses, l.count, l.share],
        rows: shareRows(problems.rootCauses),
        empty: l.none,
      },
      {
        sheet: 'Reviews',
        heading: l.reviews,
        columns: [l.measure, l.count, l.share],
        rows: [
          [l.total, reviews.total, null],
          ...shareRows(reviews.bySentiment, (k) => l.sentiment[k as 'positive'] ?? k),
          [l.averageRating, round(reviews.averageRating, 2), null],
          [l.answeredInTime, reviews.answeredInTime.met, { share: reviews.answeredInTime.share }],
          [l.reviewsOverdue, reviews.overdue, null],
          [l.checkViolations, reviews.checkViolations, null],
        ],
      },
      {
        sheet: 'Emotions',
        heading: l.emotions,
        columns: [l.index, l.value, l.interval, l.answers],
        rows: data.emotions.map(({ index, result }) => [l.indexNames[index], value(result), interval(result), result.n]),
      },
    ],
  };
}
