import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { WorkingCalendar, type WorkingCalendarRules } from '../src/core/working-calendar.ts';

const OFFICE: [string, string] = ['09:00', '18:00'];
const WEEKDAYS: WorkingCalendarRules['openingHours'] = {
  mon: OFFICE,
  tue: OFFICE,
  wed: OFFICE,
  thu: OFFICE,
  fri: OFFICE,
  sat: null,
  sun: null,
};
const ALWAYS: [string, string] = ['00:00', '24:00'];

const local = (zone: string, iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
const show = (zone: string, ms: number) => DateTime.fromMillis(ms, { zone }).toFormat("ccc yyyy-MM-dd'T'HH:mm");

describe('working calendar', () => {
  const berlin = new WorkingCalendar('Europe/Berlin', { openingHours: WEEKDAYS, holidays: { country: 'DE' }, exceptions: [] });

  it('counts working hours across the night and the weekend', () => {
    expect(show('Europe/Berlin', berlin.addWorkingHours(local('Europe/Berlin', '2026-11-24T20:00'), 4))).toBe('Wed 2026-11-25T13:00');
    expect(show('Europe/Berlin', berlin.addWorkingHours(local('Europe/Berlin', '2026-11-27T17:00'), 2))).toBe('Mon 2026-11-30T10:00');
    expect(show('Europe/Berlin', berlin.addWorkingHours(local('Europe/Berlin', '2026-11-28T11:00'), 2))).toBe('Mon 2026-11-30T11:00');
    // Before opening, the clock starts at opening.
    expect(show('Europe/Berlin', berlin.addWorkingHours(local('Europe/Berlin', '2026-11-24T06:30'), 8))).toBe('Tue 2026-11-24T17:00');
  });

  it('skips public holidays from the holiday library', () => {
    expect(berlin.isHoliday('2026-12-25')).toBe(true);
    expect(berlin.isHoliday('2026-12-23')).toBe(false);
    // Thursday 24 Dec 17:00: one hour that day, then Christmas (Fri), the weekend, and Boxing Day falls on Saturday.
    expect(show('Europe/Berlin', berlin.addWorkingHours(local('Europe/Berlin', '2026-12-24T17:00'), 2))).toBe('Mon 2026-12-28T10:00');
    // 3 working days from Wednesday 23 Dec: Thu 24, Mon 28, Tue 29.
    expect(show('Europe/Berlin', berlin.addWorkingDays(local('Europe/Berlin', '2026-12-23T12:00'), 3))).toBe('Tue 2026-12-29T18:00');
  });

  it("expands a holiday that lasts several days (Russia's New Year holidays)", () => {
    const moscow = new WorkingCalendar('Europe/Moscow', {
      openingHours: { ...WEEKDAYS, sat: OFFICE, sun: OFFICE },
      holidays: { country: 'RU' },
      exceptions: [],
    });
    for (const day of ['2027-01-01', '2027-01-04', '2027-01-07']) expect(moscow.isHoliday(day), day).toBe(true);
    expect(show('Europe/Moscow', moscow.addWorkingHours(local('Europe/Moscow', '2026-12-31T17:00'), 2))).toBe('Sat 2027-01-09T10:00');
  });

  it("reads the same instant in each site's own time zone", () => {
    const tokyo = new WorkingCalendar('Asia/Tokyo', { openingHours: WEEKDAYS, exceptions: [] });
    const plain = new WorkingCalendar('Europe/Berlin', { openingHours: WEEKDAYS, exceptions: [] });
    const instant = local('Europe/Berlin', '2026-11-24T10:00'); // 18:00 in Tokyo: closed there
    expect(show('Europe/Berlin', plain.addWorkingHours(instant, 2))).toBe('Tue 2026-11-24T12:00');
    expect(show('Asia/Tokyo', tokyo.addWorkingHours(instant, 2))).toBe('Wed 2026-11-25T11:00');
  });

  it('counts real hours across a DST change (a 23-hour Sunday)', () => {
    const allDay = new WorkingCalendar('Europe/Berlin', {
      openingHours: { mon: ALWAYS, tue: ALWAYS, wed: ALWAYS, thu: ALWAYS, fri: ALWAYS, sat: ALWAYS, sun: ALWAYS },
      exceptions: [],
    });
    const from = local('Europe/Berlin', '2026-03-28T12:00');
    const due = allDay.addWorkingHours(from, 24);
    expect(due - from).toBe(24 * 3_600_000);
    expect(show('Europe/Berlin', due)).toBe('Sun 2026-03-29T13:00');
    expect(allDay.due(from, { hours: 48 }) - from).toBe(48 * 3_600_000);
  });

  it('applies manual exceptions: a closed weekday and a short day', () => {
    const cal = new WorkingCalendar('Europe/Berlin', {
      openingHours: WEEKDAYS,
      exceptions: [
        { date: '2026-11-25', hours: null },
        { date: '2026-11-26', hours: ['09:00', '10:00'] },
      ],
    });
    expect(show('Europe/Berlin', cal.addWorkingHours(local('Europe/Berlin', '2026-11-24T17:00'), 3))).toBe('Fri 2026-11-27T10:00');
    expect(show('Europe/Berlin', cal.addWorkingDays(local('Europe/Berlin', '2026-11-24T17:00'), 1))).toBe('Thu 2026-11-26T10:00');
  });

  it('refuses a calendar that is never open instead of looping', () => {
    const closed = new WorkingCalendar('UTC', {
      openingHours: { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null },
      exceptions: [],
    });
    expect(() => closed.addWorkingHours(Date.UTC(2026, 0, 1), 1)).toThrow(/no working time/);
  });
});
