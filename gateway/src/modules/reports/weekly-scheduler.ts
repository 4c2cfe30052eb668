import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { ReportsConfig } from '../../platform/config/closed-loop-schema.ts';
import type { ReportService, ReportSite } from './report-service.ts';

/** The last whole local week (Monday 00:00 to Monday 00:00) before the week containing `now`, and when its report is due. */
export function lastWeek(now: number, timeZone: string, at: string): { from: number; to: number; dueAt: number } {
  const monday = DateTime.fromMillis(now, { zone: timeZone }).startOf('week');
  const [hour, minute] = at.split(':').map(Number) as [number, number];
  return { from: monday.minus({ weeks: 1 }).toMillis(), to: monday.toMillis(), dueAt: monday.set({ hour, minute }).toMillis() };
}

/** At most this many missed weeks are caught up in one pass (a gateway off for months does not flood the mail). */
export const MAX_CATCH_UP_WEEKS = 8;

/**
 * Makes each site's weekly report once its Monday's hour has come in the site's time zone. The
 * week is claimed in the store before anything is rendered, so the report is made exactly once
 * per site and week across restarts; a gateway that was off on Monday makes it when it is back,
 * and one that was off over several Mondays makes every week it missed since its site's last
 * report (up to MAX_CATCH_UP_WEEKS), oldest first.
 * Weeks are local (luxon), so a DST change gives a 167- or 169-hour week, never a skipped one.
 */
export class WeeklyScheduler {
  private running = false;

  constructor(private readonly deps: { reports: ReportService; config: ReportsConfig; sites: () => ReportSite[]; logger: Logger }) {}

  /** One pass at `now`: the reports made. */
  async check(now: number): Promise<number[]> {
    if (!this.deps.config.weekly || this.running) return [];
    this.running = true;
    const made: number[] = [];
    try {
      const sites = this.deps.sites();
      // Reports a stop interrupted are finished first.
      for (const pending of this.deps.reports.repo.pendingWeekly()) {
        const site = sites.find((s) => s.id === pending.siteId);
        if (site) made.push((await this.deps.reports.finish(pending, site)).id);
      }
      for (const site of sites) {
        for (const week of this.dueWeeks(site, now)) {
          const report = await this.deps.reports.make(site, 'weekly', week.from, week.to, 'scheduler');
          if (report) made.push(report.id);
        }
      }
    } finally {
      this.running = false;
    }
    return made;
  }

  /** The weeks due at `now` and not yet made: the last whole week, and those between it and the site's latest report. */
  private dueWeeks(site: ReportSite, now: number): { from: number; to: number }[] {
    const last = lastWeek(now, site.timeZone, this.deps.config.at);
    if (now < last.dueAt) return [];
    const latest = this.deps.reports.repo.latestWeeklyEnd(site.id);
    const weeks = [{ from: last.from, to: last.to }];
    while (latest !== undefined && weeks.length < MAX_CATCH_UP_WEEKS && weeks[0]!.from > latest) {
      const to = weeks[0]!.from;
      weeks.unshift({ from: DateTime.fromMillis(to, { zone: site.timeZone }).minus({ weeks: 1 }).toMillis(), to });
    }
    return weeks;
  }

  start(everyMs: number): () => void {
    const tick = () =>
      void this.check(Date.now()).catch((error: unknown) => this.deps.logger.error({ err: error }, 'weekly report pass failed'));
    const first = setTimeout(tick, 5000).unref();
    const timer = setInterval(tick, everyMs).unref();
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }
}
