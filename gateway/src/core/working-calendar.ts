import { DateTime } from 'luxon';
import Holidays from 'date-holidays';

type Hours = [string, string] | null;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A site's opening hours per weekday, public holidays and manual exceptions (see SiteCalendarConfig). */
export interface WorkingCalendarRules {
  openingHours: Record<(typeof WEEKDAYS)[number], Hours>;
  holidays?: { country: string; region?: string | undefined } | undefined;
  exceptions: { date: string; hours: Hours }[];
}

/** How long a deadline runs: clock hours, working hours, or to the close of the Nth working day. */
export type DeadlineLength = { hours: number } | { workingHours: number } | { workingDays: number };

const MAX_DAYS_AHEAD = 800;

/**
 * Working time in a site's time zone. Each local day is open for one interval (its weekday's hours,
 * replaced by an exception, closed on a public holiday); deadlines in working hours count only
 * the time inside those intervals, so a case opened on Friday evening is due on Monday morning.
 * Days are walked in local time, so DST changes shorten or lengthen a day, never shift hours.
 */
export class WorkingCalendar {
  private readonly holidayYears = new Map<number, Set<string>>();
  private readonly exceptions: Map<string, Hours>;
  private readonly holidays: Holidays | undefined;

  constructor(
    readonly timeZone: string,
    private readonly rules: WorkingCalendarRules,
  ) {
    this.exceptions = new Map(rules.exceptions.map((e) => [e.date, e.hours]));
    this.holidays = rules.holidays ? new Holidays(rules.holidays.country, rules.holidays.region ?? '') : undefined;
  }

  /** Public holidays of a year as local dates (a holiday lasting several days gives each of them). */
  private holidaysOf(year: number): Set<string> {
    let days = this.holidayYears.get(year);
    if (days) return days;
    days = new Set();
    for (const h of this.holidays?.getHolidays(year) ?? []) {
      if (h.type !== 'public') continue;
      const first = DateTime.fromISO(h.date.slice(0, 10));
      const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
      for (let i = 0; i < length; i++) days.add(first.plus({ days: i }).toISODate()!);
    }
    this.holidayYears.set(year, days);
    return days;
  }

  /** Whether a local date (YYYY-MM-DD) is a public holiday by the library. */
  isHoliday(date: string): boolean {
    return this.holidaysOf(Number(date.slice(0, 4))).has(date);
  }

  /** The open interval of the local day containing ms, in epoch ms, or null when closed all day. */
  openOn(ms: number): { start: number; end: number } | null {
    const day = DateTime.fromMillis(ms, { zone: this.timeZone }).startOf('day');
    const date = day.toISODate()!;
    const hours = this.exceptions.has(date)
      ? this.exceptions.get(date)!
      : this.isHoliday(date)
        ? null
        : this.rules.openingHours[WEEKDAYS[day.weekday - 1]!];
    if (!hours) return null;
    const at = (hhmm: string) => {
      const [h, m] = hhmm.split(':').map(Number) as [number, number];
      return h === 24 ? day.plus({ days: 1 }).toMillis() : day.set({ hour: h, minute: m }).toMillis();
    };
    const start = at(hours[0]);
    const end = at(hours[1]);
    return end > start ? { start, end } : null;
  }

  private nextDay(ms: number): number {
    return DateTime.fromMillis(ms, { zone: this.timeZone }).startOf('day').plus({ days: 1 }).toMillis();
  }

  /** The instant when `hours` of working time have passed after `from`. */
  addWorkingHours(from: number, hours: number): number {
    let left = hours * 3_600_000;
    let cursor = from;
    for (let i = 0; i < MAX_DAYS_AHEAD; i++) {
      const open = this.openOn(cursor);
      if (open && cursor < open.end) {
        const start = Math.max(cursor, open.start);
        if (start + left <= open.end) return start + left;
        left -= open.end - start;
      }
      cursor = this.nextDay(cursor);
    }
    throw new Error(`the calendar of ${this.timeZone} has no working time in the next ${MAX_DAYS_AHEAD} days`);
  }

  /**
   * The close of the `days`-th working day after the day of `from` (a case that arrives on
   * Monday with 3 working days is due at Thursday's close).
   */
  addWorkingDays(from: number, days: number): number {
    let left = days;
    let cursor = this.nextDay(from);
    for (let i = 0; i < MAX_DAYS_AHEAD; i++) {
      const open = this.openOn(cursor);
      if (open && --left === 0) return open.end;
      cursor = this.nextDay(cursor);
    }
    throw new Error(`the calendar of ${this.timeZone} has no ${days} working days in the next ${MAX_DAYS_AHEAD} days`);
  }

  /** When a deadline of this length, started at `from`, falls due. */
  due(from: number, length: DeadlineLength): number {
    if ('hours' in length) return from + length.hours * 3_600_000;
    if ('workingHours' in length) return this.addWorkingHours(from, length.workingHours);
    return this.addWorkingDays(from, length.workingDays);
  }
}
