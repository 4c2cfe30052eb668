import { DateTime } from 'luxon';

/**
 * A range of whole local days that each site reads in its own time zone (METRICS.md "Site-time"):
 * the same calendar dates everywhere (`fromDate`..`toDate`, both included), or each site's last
 * `lastDays` days up to the end of its own today, `skipDays` earlier (the previous period of a
 * "last N days" range skips N). Across sites in different zones there is no one [from, to) that is
 * every site's local day; this is what a range means there.
 */
export type LocalDays = { fromDate: string; toDate: string } | { lastDays: number; skipDays: number; now: number };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD date that exists on the calendar, or undefined. */
export function calendarDate(text: string): DateTime | undefined {
  if (!DATE.test(text)) return undefined;
  const d = DateTime.fromISO(text, { zone: 'UTC' });
  return d.isValid && d.toISODate() === text ? d : undefined;
}

/** [from, to) of the local days in one zone: from its midnight of the first day to its midnight after the last. */
export function localDaysIn(timeZone: string, days: LocalDays): { from: number; to: number } {
  if ('fromDate' in days) {
    const from = DateTime.fromISO(days.fromDate, { zone: timeZone }).startOf('day');
    const to = DateTime.fromISO(days.toDate, { zone: timeZone }).startOf('day').plus({ days: 1 });
    return { from: from.toMillis(), to: to.toMillis() };
  }
  const end = DateTime.fromMillis(days.now, { zone: timeZone })
    .startOf('day')
    .plus({ days: 1 - days.skipDays });
  return { from: end.minus({ days: days.lastDays }).toMillis(), to: end.toMillis() };
}

/** How many days the range holds (the length of its previous period). */
export function dayCount(days: LocalDays): number {
  if ('lastDays' in days) return days.lastDays;
  return Math.round(calendarDate(days.toDate)!.diff(calendarDate(days.fromDate)!, 'days').days) + 1;
}

/** The period of as many local days just before (METRICS.md: the previous period ends where the range starts). */
export function previousDays(days: LocalDays): LocalDays {
  const n = dayCount(days);
  if ('lastDays' in days) return { ...days, skipDays: days.skipDays + n };
  const first = calendarDate(days.fromDate)!;
  return { fromDate: first.minus({ days: n }).toISODate()!, toDate: first.minus({ days: 1 }).toISODate()! };
}
