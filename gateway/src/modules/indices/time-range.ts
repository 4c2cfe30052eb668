import { DateTime } from 'luxon';

/** [start of today, now) in the given IANA time zone; days begin at local midnight (DST-safe). */
export function todayRange(timeZone: string, now = Date.now()): { from: number; to: number } {
  const from = DateTime.fromMillis(now, { zone: timeZone }).startOf('day').toMillis();
  return { from, to: now };
}
