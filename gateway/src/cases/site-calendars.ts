import type { SiteConfig } from '../config/schema.ts';
import { WorkingCalendar, type WorkingCalendarRules } from '../domain/working-calendar.ts';

const OFFICE: [string, string] = ['09:00', '18:00'];
/** A site without a calendar works weekdays 09:00–18:00 in its time zone. */
const DEFAULT_RULES: WorkingCalendarRules = { openingHours: { mon: OFFICE, tue: OFFICE, wed: OFFICE, thu: OFFICE, fri: OFFICE, sat: null, sun: null }, exceptions: [] };

/** Each site's working calendar, built once; an unknown site gets UTC office hours. */
export function siteCalendars(sites: readonly SiteConfig[]): (siteId: string) => WorkingCalendar {
  const calendars = new Map<string, WorkingCalendar>();
  return (siteId) => {
    let calendar = calendars.get(siteId);
    if (!calendar) {
      const site = sites.find((s) => s.id === siteId);
      calendar = new WorkingCalendar(site?.timeZone ?? 'UTC', site?.calendar ?? DEFAULT_RULES);
      calendars.set(siteId, calendar);
    }
    return calendar;
  };
}
