import type { Route } from '@feedback/web-base/router.ts';
import type { IndexFilterQuery } from './data/indices.ts';
import { periodRange, zoneOf, type SiteZone } from './site-time.ts';

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
  /** the sites covered lie in different zones: the range's days are UTC days, and the screen says so */
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

/** The API's index filter for a filter (site, point, channel, device, survey) over its range, or another (the previous period, say). */
export function filterQuery(f: Filters, { from, to }: { from: number; to: number } = rangeOf(f)): IndexFilterQuery {
  return {
    from: String(from),
    to: String(to),
    ...(f.siteId ? { siteId: f.siteId } : {}),
    ...(f.pointId ? { pointId: f.pointId } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.deviceId ? { deviceId: f.deviceId } : {}),
    ...(f.surveyId ? { surveyId: f.surveyId } : {}),
  };
}
