/** The latest instant any API accepts (queries and records): 2100-01-01T00:00Z. */
export const MAX_INSTANT = Date.UTC(2100, 0, 1);
/** The earliest instant a stored record (customers served, a shift) may have: 2000-01-01T00:00Z. */
export const MIN_RECORD_INSTANT = Date.UTC(2000, 0, 1);
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;

/**
 * An instant as epoch milliseconds or an ISO 8601 date-time with its offset, between 1970 and
 * 2100; NaN otherwise. Dates must exist on the calendar: 2026-02-30 is refused, not rolled over.
 */
export function parseInstant(text: string): number {
  if (/^\d{1,15}$/.test(text)) return withinRange(Number(text));
  const m = ISO.exec(text);
  if (!m) return NaN;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = m
    .slice(1)
    .map((v) => (v === undefined ? 0 : Number(v))) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day) return NaN;
  if (hour! > 23 || minute! > 59 || second! > 59 || offsetHours! > 23 || offsetMinutes! > 59) return NaN;
  return withinRange(Date.parse(text));
}

/** An epoch-millisecond instant from a number (JSON or MQTT): NaN unless it is a whole number in range. */
export function instantFromNumber(ms: number): number {
  return Number.isInteger(ms) ? withinRange(ms) : NaN;
}

function withinRange(ms: number): number {
  return Number.isFinite(ms) && ms >= 0 && ms <= MAX_INSTANT ? ms : NaN;
}
