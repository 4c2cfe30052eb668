/**
 * Calendar maths in a site's IANA time zone with the platform's Intl only (no library): the
 * dashboard's ranges begin at the site's local midnights, never the browser's (a manager in Moscow
 * looking at a Shanghai site sees Shanghai's today). DST-safe: a local day is 23, 24 or 25 hours.
 */

/** A calendar date, month 1..12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading in the zone at an instant, as if it were UTC (ms). */
function wallClock(timeZone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The zone's offset from UTC at an instant, in ms (Shanghai +8 h: 28 800 000). */
export function zoneOffset(timeZone: string, instant: number): number {
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  return wallClock(timeZone, whole) - whole;
}

/** The local calendar date at an instant. */
export function localDate(timeZone: string, instant: number): LocalDate {
  const d = new Date(wallClock(timeZone, instant));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The date `days` after a date (negative: before). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The instant a local day begins: its midnight, or where a DST change skips midnight, the first
 * local time that exists that day.
 */
export function startOfLocalDay(timeZone: string, date: LocalDate): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  // the offset is looked up where the answer lies: twice settles any change of offset near midnight
  let instant = wall - zoneOffset(timeZone, wall);
  instant = wall - zoneOffset(timeZone, instant);
  const local = localDate(timeZone, instant);
  if (local.year === date.year && local.month === date.month && local.day === date.day) {
    // midnight may exist earlier too (offset decreased across it): take the earliest
    const earlier = wall - zoneOffset(timeZone, instant - 3_600_000);
    return earlier < instant && wallClock(timeZone, earlier) === wall ? earlier : instant;
  }
  // midnight skipped (clocks jumped forward over it): the day begins where the jump lands
  return instant + (wall - wallClock(timeZone, instant));
}

/** YYYY-MM-DD as a date, or undefined. */
export function parseLocalDate(text: string): LocalDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = addDays(date, 0);
  return check.year === date.year && check.month === date.month && check.day === date.day ? date : undefined;
}

const before = (a: LocalDate, b: LocalDate) => Date.UTC(a.year, a.month - 1, a.day) <= Date.UTC(b.year, b.month - 1, b.day);

/**
 * A range of whole local days in the zone: the last `days` days up to the end of today, or the
 * dates from..to (both inclusive). [from, to) in ms.
 */
export function localDaysRange(
  timeZone: string,
  now: number,
  span: { days: number } | { from: LocalDate; to: LocalDate },
): { from: number; to: number } {
  if ('from' in span && before(span.from, span.to))
    return { from: startOfLocalDay(timeZone, span.from), to: startOfLocalDay(timeZone, addDays(span.to, 1)) };
  const today = localDate(timeZone, now);
  const days = 'days' in span ? span.days : 1;
  return { from: startOfLocalDay(timeZone, addDays(today, 1 - days)), to: startOfLocalDay(timeZone, addDays(today, 1)) };
}

/** A site's zone as the points list tells it. */
export interface SiteZone {
  siteId: string;
  pointId: string;
  timeZone: string;
}

/**
 * The zone a filter's days are counted in: the chosen site's (or the chosen point's site's), or the
 * one zone every visible site shares. Across sites in different zones the API's range is one
 * [from, to) for all of them, so it cannot be each site's own local day: UTC days then, and
 * `mixedZones` for the screen to say so.
 */
export function zoneOf(where: { siteId: string; pointId: string }, sites: SiteZone[]): { timeZone: string; mixedZones: boolean } {
  const covered = sites.filter((s) => (!where.siteId || s.siteId === where.siteId) && (!where.pointId || s.pointId === where.pointId));
  const zones = [...new Set(covered.map((s) => s.timeZone))];
  return zones.length === 1 ? { timeZone: zones[0]!, mixedZones: false } : { timeZone: 'UTC', mixedZones: zones.length > 1 };
}

/** The dashboard's periods: today, the last 7 or 30 days, or custom dates (inclusive; reversed or unreadable ones mean today). */
export interface PeriodChoice {
  period: 'today' | '7d' | '30d' | 'custom';
  fromDate: string;
  toDate: string;
  timeZone: string;
}

/** The range a period covers: whole local days of its zone, up to the end of today there. */
export function periodRange(p: PeriodChoice, now: number): { from: number; to: number } {
  if (p.period === 'custom') {
    const from = parseLocalDate(p.fromDate);
    const to = parseLocalDate(p.toDate);
    if (from && to) return localDaysRange(p.timeZone, now, { from, to });
  }
  return localDaysRange(p.timeZone, now, { days: p.period === '7d' ? 7 : p.period === '30d' ? 30 : 1 });
}
