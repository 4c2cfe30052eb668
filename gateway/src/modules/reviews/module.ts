import type { Feature } from '../../platform/modules/feature-module.ts';
import { routes } from '../../platform/modules/feature-module.ts';
import type { PlatformParts } from '../../platform/modules/platform-parts.ts';
import type { CaseService } from '../cases/case-service.ts';
import { ReviewRepo } from './review-repo.ts';
import { ReviewService } from './review-service.ts';
import { ReviewWatch } from './review-watch.ts';
import { reviewRoutes } from './review-routes.ts';

/** The reviews journal (online reviews, their replies and cases), with its daily check. */
export function reviewsModule(p: PlatformParts, deps: { cases: CaseService }): Feature<{ reviews: ReviewService }> {
  const { config, topology } = p;
  const site = (siteId: string) => topology.sites().find((s) => s.id === siteId);
  const reviews = new ReviewService({
    repo: new ReviewRepo(p.db),
    cases: deps.cases,
    config: config.reviews,
    siteName: (id) => site(id)?.name ?? id,
    timeZoneOf: (id) => site(id)?.timeZone ?? 'UTC',
  });
  let stopWatch: (() => void) | undefined;
  return {
    name: 'reviews',
    services: { reviews },
    routes: [routes(reviewRoutes, { services: { reviews, topology, config } })],
    start: () => {
      stopWatch = new ReviewWatch({
        repo: reviews.repo,
        config: config.reviews,
        sites: () => topology.sites(),
        logger: p.logger.child({ part: 'reviews' }),
      }).start(60_000);
    },
    stop: () => stopWatch?.(),
  };
}
