import type { Route } from '@feedback/web-base/router.ts';
import type { IndexFilterQuery } from './data/indices.ts';

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
}

const DAY = 86_400_000;

export function filtersOf(route: Route): Filters {
  const p = route.params;
  const period = (PERIODS as readonly string[]).includes(p.period ?? '') ? (p.period as Period) : 'today';
  const channel = (CHANNELS as readonly string[]).includes(p.channel ?? '') ? (p.channel as Channel) : '';
  return {
    siteId: p.siteId ?? '',
    pointId: p.pointId ?? '',
    period,
    fromDate: p.fromDate ?? '',
    toDate: p.toDate ?? '',
    channel,
    deviceId: p.deviceId ?? '',
    surveyId: p.surveyId ?? '',
  };
}

const localMidnight = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
const parseDate = (text: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime() : NaN;
};

/** The range a period covers, in the browser's time: whole days up to the end of today. */
export function rangeOf(f: Filters, now = new Date()): { from: number; to: number } {
  const endOfToday = localMidnight(now) + DAY;
  if (f.period === 'custom') {
    const from = parseDate(f.fromDate);
    const to = parseDate(f.toDate);
    if (!Number.isNaN(from) && !Number.isNaN(to) && from <= to) return { from, to: to + DAY };
  }
  const days = f.period === '7d' ? 7 : f.period === '30d' ? 30 : 1;
  return { from: endOfToday - days * DAY, to: endOfToday };
}

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
