import type { Route } from '@feedback/web-base/router.ts';
import type { IndexFilterQuery, RangeFilterQuery } from './data/indices.ts';
import { addDays, parseLocalDate, periodRange, zoneOf, type LocalDate, type SiteZone } from './site-time.ts';

export const PERIODS = ['today', '7d', '30d', 'custom'] as const;
export type Period = (typeof PERIODS)[number];
/** Where answers came from ('' = every channel); the gateway's IndexFilter takes the same names. */
export const CHANNELS = ['', 'button', 'kiosk', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What every view is filtered by; all of it lives in the URL. */
export interface Filters {
  siteId: string;
  pointId: string;
  period: Period;
  /** YYYY-MM-DD, for a custom period (inclusive) */
  fromDate: string;
  toDate: string;
  channel: Channel;
  deviceId: string;
  surveyId: string;
  /** the IANA zone whose local days the range covers: the chosen site's (never the browser's) */
  timeZone: string;
  /** the sites covered lie in different zones: each site's figures cover its own local days, and the screen says so */
  mixedZones: boolean;
}

export function filtersOf(route: Route, sites: SiteZone[] = []): Filters {
  const p = route.params;
  const period = (PERIODS as readonly string[]).includes(p.period ?? '') ? (p.period as Period) : 'today';
  const channel = (CHANNELS as readonly string[]).includes(p.channel ?? '') ? (p.channel as Channel) : '';
  const where = { siteId: p.siteId ?? '', pointId: p.pointId ?? '' };
  return {
    ...where,
    ...zoneOf(where, sites),
    period,
    fromDate: p.fromDate ?? '',
    toDate: p.toDate ?? '',
    channel,
    deviceId: p.deviceId ?? '',
    surveyId: p.surveyId ?? '',
  };
}

/** The range a period covers: whole local days of the filter's zone (the site's), up to the end of today there. */
export const rangeOf = (f: Filters, now = Date.now()): { from: number; to: number } => periodRange(f, now);

/** The filter's where and what (site, point, channel, device, survey), without its range. */
function whereOf(f: Filters): Omit<RangeFilterQuery, 'from' | 'to'> {
  return {
    ...(f.siteId ? { siteId: f.siteId } : {}),
    ...(f.pointId ? { pointId: f.pointId } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.deviceId ? { deviceId: f.deviceId } : {}),
    ...(f.surveyId ? { surveyId: f.surveyId } : {}),
  };
}

/** The API's index filter for a filter (site, point, channel, device, survey) over its range, or another (the previous period, say). */
export function filterQuery(f: Filters, { from, to }: { from: number; to: number } = rangeOf(f)): RangeFilterQuery {
  return { from: String(from), to: String(to), ...whereOf(f) };
}

const PERIOD_DAYS: Record<Exclude<Period, 'custom'>, number> = { today: 1, '7d': 7, '30d': 30 };

/**
 * The index filter for the figures of the period, or of the period of equal length just before it.
 * In one zone it is that zone's [from, to); across sites in different zones it is local days that the
 * gateway reads at each site in its own zone (its own today, its own dates), since no one [from, to)
 * is every site's day.
 */
export function indexQuery(f: Filters, previous = false, now = Date.now()): IndexFilterQuery {
  if (!f.mixedZones) {
    const { from, to } = rangeOf(f, now);
    return filterQuery(f, previous ? { from: from - (to - from), to: from } : { from, to });
  }
  const from = f.period === 'custom' ? parseLocalDate(f.fromDate) : undefined;
  const to = f.period === 'custom' ? parseLocalDate(f.toDate) : undefined;
  if (from && to && Date.UTC(from.year, from.month - 1, from.day) <= Date.UTC(to.year, to.month - 1, to.day)) {
    const days = Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000) + 1;
    const shift = previous ? -days : 0;
    return { fromDate: isoDate(addDays(from, shift)), toDate: isoDate(addDays(to, shift)), ...whereOf(f) };
  }
  const days = f.period === 'custom' ? 1 : PERIOD_DAYS[f.period];
  return { lastDays: days, ...(previous ? { skipDays: days } : {}), ...whereOf(f) };
}

const isoDate = (d: LocalDate) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
