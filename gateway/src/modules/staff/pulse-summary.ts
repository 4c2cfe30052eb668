import { DateTime } from 'luxon';
import { nps } from '../indices/math/rating-indices.ts';
import { wilson } from '../indices/math/intervals.ts';
import type { IndexResult } from '../indices/math/index-result.ts';
import type { PulseRepo } from './pulse-repo.ts';

/** METRICS.md: a site-week is shown only with at least this many staff on shift and this many answers. */
export const MIN_GROUP = 5;

export interface PulseWeekView {
  /** the Monday the local week starts, YYYY-MM-DD */
  week: string;
  staffOnShift: number;
  answers: number;
  /** the week has ended (the site's local Monday 00:00 after it has passed): a running week is never shown */
  ended: boolean;
  shown: boolean;
  /** eNPS (NPS formula and interval) and the percentage 0–100 of answers 4–5 on "drained" (Wilson interval), only when shown */
  enps: IndexResult | null;
  drained: { value: number | null; n: number; ci: [number, number] | null } | null;
}

export const weekKey = (ms: number, timeZone: string) =>
  Number(DateTime.fromMillis(ms, { zone: timeZone }).startOf('week').toFormat('yyyyMMdd'));

/** A site's last `weeks` local weeks of pulse answers, each hidden unless the group is big enough to stay anonymous. */
export function pulseWeeks(
  src: { pulse: PulseRepo; staffOnShift: (from: number, to: number) => number },
  timeZone: string,
  siteId: string,
  now: number,
  weeks: number,
): PulseWeekView[] {
  const thisWeek = DateTime.fromMillis(now, { zone: timeZone }).startOf('week');
  const first = thisWeek.minus({ weeks: weeks - 1 });
  const counted = new Map(
    src.pulse.weeks(siteId, Number(first.toFormat('yyyyMMdd')), Number(thisWeek.toFormat('yyyyMMdd'))).map((w) => [w.week, w]),
  );
  return Array.from({ length: weeks }, (_, i) => {
    const start = first.plus({ weeks: i });
    const w = counted.get(Number(start.toFormat('yyyyMMdd')));
    const staffOnShift = src.staffOnShift(start.toMillis(), start.plus({ weeks: 1 }).toMillis());
    const answers = w?.answers ?? 0;
    // A figure that moves with each answer inside a shown week would reveal that answer (METRICS.md).
    const ended = start.plus({ weeks: 1 }).toMillis() <= now;
    const shown = ended && staffOnShift >= MIN_GROUP && answers >= MIN_GROUP;
    let drained: PulseWeekView['drained'] = null;
    if (shown && w) {
      const n = [...w.drained.values()].reduce((a, b) => a + b, 0);
      const k = (w.drained.get(4) ?? 0) + (w.drained.get(5) ?? 0);
      const ci = wilson(k, n);
      // every share in the API is a percentage 0–100
      drained = { value: n ? (100 * k) / n : null, n, ci: ci ? [100 * ci[0], 100 * ci[1]] : null };
    }
    return { week: start.toISODate()!, staffOnShift, answers, ended, shown, enps: shown && w ? nps(w.enps, MIN_GROUP) : null, drained };
  });
}
