import { instantFromNumber, MIN_RECORD_INSTANT, parseInstant } from '../../core/instant.ts';
import { HttpError } from './errors.ts';

/** A record's time as epoch ms; 400 unless it is a real date-time between 2000 and 2100. */
export function recordInstant(v: number | string, name: string): number {
  const ms = typeof v === 'number' ? instantFromNumber(v) : parseInstant(v);
  if (Number.isNaN(ms) || ms < MIN_RECORD_INSTANT)
    throw new HttpError(400, `"${name}" is not a real date-time between 2000 and 2100: ${v}`);
  return ms;
}
