import type { SiteConfig } from '../../platform/config/schema.ts';
import { WorkingCalendar, type WorkingCalendarRules } from '../../core/working-calendar.ts';

const OFFICE: [string, string] = ['09:00', '18:00'];
/** A site without a calendar works weekdays 09:00–18:00 in its time zone. */
const DEFAULT_RULES: WorkingCalendarRules = {
  openingHours: { mon: OFFICE, tue: OFFICE, wed: OFFICE, thu: OFFICE, fri: OFFICE, sat: null, sun: null },
  exceptions: [],
};

/**
 * Each site's working calendar, built once per site and rules; an unknown site gets UTC office
 * hours. `sites` is read at every call, so a site added or changed while running counts at once.
 */
export function siteCalendars(sites: readonly SiteConfig[]): (siteId: string) => WorkingCalendar {
  const calendars = new Map<string, { key: string; calendar: WorkingCalendar }>();
  return (siteId) => {
    const site = sites.find((s) => s.id === siteId);
    const timeZone = site?.timeZone ?? 'UTC';
    const rules = site?.calendar ?? DEFAULT_RULES;
    const key = JSON.stringify([timeZone, rules]);
    let entry = calendars.get(siteId);
    if (entry?.key !== key) {
      entry = { key, calendar: new WorkingCalendar(timeZone, rules) };
      calendars.set(siteId, entry);
    }
    return entry.calendar;
  };
}
