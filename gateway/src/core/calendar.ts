import { DateTime } from 'luxon';

/**
 * Local days and months of one site's time zone, for the day and month rollups and for range
 * planning. Days begin at local midnight (DST-safe: a day may last 23 or 25 hours). Keys are
 * yyyymmdd and yyyymm integers, which sort like the days and months they name.
 */
export class SiteCalendar {
  private cachedDay: { start: number; end: number; day: number; month: number } | undefined;

  constructor(readonly timeZone: string) {}

  private at(ms: number): DateTime {
    return DateTime.fromMillis(ms, { zone: this.timeZone });
  }

  private locate(ms: number): { start: number; end: number; day: number; month: number } {
    const c = this.cachedDay;
    if (c && ms >= c.start && ms < c.end) return c;
    const d = this.at(ms).startOf('day');
    const located = {
      start: d.toMillis(),
      end: d.plus({ days: 1 }).toMillis(),
      day: d.year * 10000 + d.month * 100 + d.day,
      month: d.year * 100 + d.month,
    };
    this.cachedDay = located;
    return located;
  }

  dayKey(ms: number): number {
    return this.locate(ms).day;
  }

  monthKey(ms: number): number {
    return this.locate(ms).month;
  }

  dayStart(ms: number): number {
    return this.locate(ms).start;
  }

  /** The first local midnight at or after ms. */
  ceilDay(ms: number): number {
    const start = this.dayStart(ms);
    return start === ms ? ms : this.locate(ms).end;
  }

  floorMonth(ms: number): number {
    return this.at(ms).startOf('month').toMillis();
  }

  ceilMonth(ms: number): number {
    const start = this.floorMonth(ms);
    return start === ms ? ms : this.at(ms).startOf('month').plus({ months: 1 }).toMillis();
  }

  /** Local hour of day (0..23) and ISO weekday (1 = Monday .. 7) of an instant. */
  hourAndWeekday(ms: number): { hour: number; weekday: number } {
    const d = this.at(ms);
    return { hour: d.hour, weekday: d.weekday };
  }

  /** Start of the local ISO week (Monday midnight) containing ms. */
  weekStart(ms: number): number {
    return this.at(ms).startOf('week').toMillis();
  }

  dayStartOfKey(key: number): number {
    return DateTime.fromObject(
      { year: Math.floor(key / 10000), month: Math.floor(key / 100) % 100, day: key % 100 },
      { zone: this.timeZone },
    ).toMillis();
  }
}
