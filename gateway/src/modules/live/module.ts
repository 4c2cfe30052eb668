import type { Feature } from '../../platform/modules/feature-module.ts';
import { routes } from '../../platform/modules/feature-module.ts';
import type { PlatformParts } from '../../platform/modules/platform-parts.ts';
import type { PointSummaries } from '../indices/point-summaries.ts';
import type { AnswerQueries } from '../answers/answer-query-repo.ts';
import type { AnswerNoteRepo } from '../ingest/answer-note-repo.ts';
import { screenRoutes } from './screen-routes.ts';
import { realtimePlugin } from './realtime-plugin.ts';
import { screensSettingsHook } from './settings-hook.ts';

/** Staff screens: their page data, and the realtime deltas pushed to them over socket.io. */
export function liveModule(
  p: PlatformParts,
  deps: { summaries: PointSummaries; answers: AnswerQueries; notes: AnswerNoteRepo },
): Feature<Record<string, never>> {
  const { config, topology, bus } = p;
  const { summaries } = deps;
  const realtime = {
    bus,
    sources: p.principals,
    summaries,
    siteIds: () => topology.sites().map((s) => s.id),
    siteOfPoint: (pointId: string) => topology.points().find((point) => point.id === pointId)?.siteId,
    logger: p.logger.child({ part: 'realtime' }),
  };
  return {
    name: 'live',
    services: {},
    routes: [
      routes(screenRoutes, { services: { summaries, answers: deps.answers, config, notes: deps.notes } }),
      routes(realtimePlugin, { realtime }),
    ],
    // the last module: screens re-read their settings once every owner has applied the change
    settingsHooks: [screensSettingsHook(bus, () => p.catalog.version)],
  };
}
