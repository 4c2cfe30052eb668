import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { storeFixture, type StoreFixture } from './helpers/store-fixture.ts';
import { ReviewRepo } from '../src/modules/reviews/review-repo.ts';
import { ReviewService } from '../src/modules/reviews/review-service.ts';
import { ReviewWatch } from '../src/modules/reviews/review-watch.ts';
import { CaseRepo } from '../src/modules/cases/case-repo.ts';
import { CaseService } from '../src/modules/cases/case-service.ts';
import { siteCalendars } from '../src/modules/cases/site-calendars.ts';
import { EventBus } from '../src/platform/events/bus.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { validateConfig } from '../src/platform/config/load.ts';
import { parseReviewJson } from '../src/modules/reviews/review-import.ts';

const SITES = [
  { id: 'moscow', name: 'Moscow', timeZone: 'Europe/Moscow' },
  { id: 'nyc', name: 'New York', timeZone: 'America/New_York' },
];
const at = (zone: string, iso: string) => DateTime.fromISO(iso, { zone }).toMillis();

let f: StoreFixture | undefined;
afterEach(() => {
  f?.close();
  f = undefined;
});

function setUp() {
  const config = validateConfig({ sites: SITES, points: [{ id: 'desk', siteId: 'moscow', name: 'Desk' }] });
  f = storeFixture({ sites: config.sites, points: [{ id: 'desk', siteId: 'moscow' }] });
  let now = at('Europe/Moscow', '2026-11-24T09:00');
  const repo = new ReviewRepo(f.db);
  const cases = new CaseService({
    repo: new CaseRepo(f.db),
    bus: new EventBus(),
    config: config.cases,
    calendarOf: siteCalendars(config.sites),
    now: () => now,
  });
  const reviews = new ReviewService({
    repo,
    cases,
    config: config.reviews,
    siteName: (id) => id,
    timeZoneOf: (id) => SITES.find((s) => s.id === id)!.timeZone,
    now: () => now,
  });
  const watch = new ReviewWatch({ repo, config: config.reviews, sites: () => SITES, logger: createLogger('silent') });
  return { repo, reviews, watch, setNow: (ms: number) => (now = ms) };
}

describe('the daily reviews check under a fake clock', () => {
  it("records a violation at 11:00 in each site's own time zone, once, unless the mark came first", () => {
    const s = setUp();
    s.setNow(at('Europe/Moscow', '2026-11-24T10:15'));
    s.reviews.markChecked('moscow', 'olga');
    expect(s.watch.check(at('Europe/Moscow', '2026-11-24T10:59'))).toEqual([]);
    // 11:00 in Moscow is 03:00 in New York: nothing is due there yet.
    expect(s.watch.check(at('Europe/Moscow', '2026-11-24T11:00'))).toEqual([]);
    expect(s.watch.check(at('America/New_York', '2026-11-24T11:00'))).toEqual(['nyc']);
    expect(s.watch.check(at('America/New_York', '2026-11-24T15:00'))).toEqual([]);
    // The next Moscow day, nobody marked it.
    expect(s.watch.check(at('Europe/Moscow', '2026-11-25T11:01'))).toEqual(['moscow']);
    s.setNow(at('Europe/Moscow', '2026-11-25T12:00'));
    s.reviews.markChecked('moscow', 'olga'); // late: the violation stays
    expect(s.repo.checks('moscow', 20261124, 20261125)).toEqual([
      { day: 20261124, checkedAt: at('Europe/Moscow', '2026-11-24T10:15'), checkedBy: 'olga', violationAt: null },
      {
        day: 20261125,
        checkedAt: at('Europe/Moscow', '2026-11-25T12:00'),
        checkedBy: 'olga',
        violationAt: at('Europe/Moscow', '2026-11-25T11:01'),
      },
    ]);
  });

  it('lists a review unanswered 24 hours after it appeared as overdue, and no longer once answered', () => {
    const s = setUp();
    const published = at('Europe/Moscow', '2026-11-24T08:00');
    const outcome = s.reviews.store(
      'moscow',
      parseReviewJson(
        JSON.stringify([{ platform: 'maps', id: 'r1', date: new Date(published).toISOString(), rating: 2, text: 'Долго ждали' }]),
      ),
    );
    expect(outcome).toEqual({ imported: 1, duplicates: 0, problems: [] });
    const [review] = s.repo.list({ limit: 10 });
    expect(review!.replyDueAt).toBe(published + 24 * 3_600_000);
    expect(s.repo.list({ overdueAt: published + 24 * 3_600_000 - 1, limit: 10 })).toHaveLength(0);
    expect(s.repo.list({ overdueAt: published + 24 * 3_600_000 + 1, limit: 10 })).toHaveLength(1);
    s.reviews.reply(review!.id, 'Приносим извинения…', 'olga');
    expect(s.repo.list({ overdueAt: published + 48 * 3_600_000, limit: 10 })).toHaveLength(0);
  });
});
