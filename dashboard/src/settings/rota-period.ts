/**
 * The period the staff rota lists: one week (ISO, Monday to Monday) or one calendar month, in the
 * zone of the browser that enters and shows the shifts (datetime-local fields are in that zone too).
 * Pure, with the instant passed in, so it is tested without a browser or the wall clock.
 */
export type RotaPeriodKind = 'week' | 'month';
export interface RotaPeriod {
  kind: RotaPeriodKind;
  /** `YYYY-Www` for a week (as `<input type=week>` gives it), `YYYY-MM` for a month */
  value: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The ISO week (`YYYY-Www`) holding a local date: the week's Thursday decides its year. */
export function isoWeekOf(date: Date): string {
  // calendar arithmetic on the local date in UTC, so a DST change inside the week cannot shift a day
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  day.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.floor((day.getTime() - yearStart) / 86_400_000 / 7) + 1;
  return `${day.getUTCFullYear()}-W${pad(week)}`;
}

/** The period holding an instant: its week or its month. */
export function periodAt(kind: RotaPeriodKind, ms: number): RotaPeriod {
  const date = new Date(ms);
  return { kind, value: kind === 'week' ? isoWeekOf(date) : `${date.getFullYear()}-${pad(date.getMonth() + 1)}` };
}

/** Local midnight of the Monday that starts an ISO week. */
function mondayOf(year: number, week: number): Date {
  const jan4 = new Date(year, 0, 4);
  return new Date(year, 0, 4 - ((jan4.getDay() + 6) % 7) + (week - 1) * 7);
}

/** The period as [from, to) in epoch ms, local midnights at both ends; null when the value is not one. */
export function periodRange(period: RotaPeriod): { from: number; to: number } | null {
  if (period.kind === 'week') {
    const match = /^(\d{4})-W(\d{2})$/.exec(period.value);
    if (!match) return null;
    const year = Number(match[1]);
    const week = Number(match[2]);
    if (week < 1 || week > 53 || isoWeekOf(mondayOf(year, week)) !== period.value) return null;
    const monday = mondayOf(year, week);
    return { from: monday.getTime(), to: new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 7).getTime() };
  }
  const match = /^(\d{4})-(\d{2})$/.exec(period.value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  if (month < 0 || month > 11) return null;
  return { from: new Date(year, month, 1).getTime(), to: new Date(year, month + 1, 1).getTime() };
}
