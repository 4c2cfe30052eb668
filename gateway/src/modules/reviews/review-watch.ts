import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { ReviewsConfig } from '../../platform/config/closed-loop-schema.ts';
import { SiteCalendar } from '../../core/calendar.ts';
import type { ReviewRepo } from './review-repo.ts';

/**
 * Records, for each site and local day, a violation when nobody marked the reviews checked by
 * the configured time (11:00 by default), once per day, in the site's own time zone.
 */
export class ReviewWatch {
  constructor(
    private readonly deps: { repo: ReviewRepo; config: ReviewsConfig; sites: () => { id: string; timeZone: string }[]; logger: Logger },
  ) {}

  /** One pass at `now`: the sites whose mark was missing, newly recorded. */
  check(now: number): string[] {
    const [hour, minute] = this.deps.config.checkBy.split(':').map(Number) as [number, number];
    const late: string[] = [];
    for (const site of this.deps.sites()) {
      const local = DateTime.fromMillis(now, { zone: site.timeZone });
      if (local < local.set({ hour, minute, second: 0, millisecond: 0 })) continue;
      if (this.deps.repo.recordViolation(site.id, new SiteCalendar(site.timeZone).dayKey(now), now)) late.push(site.id);
    }
    if (late.length > 0) this.deps.logger.warn({ sites: late }, `reviews not marked checked by ${this.deps.config.checkBy}`);
    return late;
  }

  start(everyMs: number): () => void {
    const timer = setInterval(() => {
      try {
        this.check(Date.now());
      } catch (error) {
        this.deps.logger.error({ err: error }, 'review check failed');
      }
    }, everyMs).unref();
    return () => clearInterval(timer);
  }
}
