import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EMOTION_INDICES, INDEX_NAMES } from '../../core/index-names.ts';
import { ignoredEmotionFilters } from './emotion-scope.ts';
import { answering, toIndexQuery, queryLookup } from './index-query-schema.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import type { IndexService } from './index-service.ts';
import { responseCountOf } from './response-count.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { overviewApi } from './overview-api.ts';
import { previousDays } from './local-days.ts';

/** Every index over one filter and range, and over the period of equal length before it: the dashboard's overview in one request. */
export const overviewRoutes: FastifyPluginAsyncTypebox<{
  services: { indices: IndexService; topology: TopologyRepo; devices: DeviceRegistry };
}> = async (app, { services }) => {
  const lookup = queryLookup(services);
  app.get(
    '/api/overview',
    {
      config: { access: 'indices:read' },
      schema: overviewApi['GET /api/overview'],
    },
    async (request) => {
      const base = await services.indices.narrowed(toIndexQuery(request, lookup, 'happy', request.query));
      // METRICS.md: the previous period has the same length and ends where the range starts (on a DST day it is not the previous
      // local day); a range of local days is preceded by as many local days, at each site
      const before = base.days
        ? await services.indices.narrowed({ ...base, days: previousDays(base.days) })
        : { from: base.from - (base.to - base.from), to: base.from, days: undefined };
      const previous = { from: before.from, to: before.to, days: before.days };
      const indices = await Promise.all(
        INDEX_NAMES.map(async (index) => ({
          index,
          result: await answering(() => services.indices.compute({ ...base, index })),
          previous: await answering(() => services.indices.compute({ ...base, ...previous, index })),
          ...((EMOTION_INDICES as readonly string[]).includes(index) ? { ignoredFilters: ignoredEmotionFilters(base) } : {}),
        })),
      );
      const [responses, responsesBefore] = await Promise.all([
        answering(() => services.indices.responseCounts(base)),
        answering(() => services.indices.responseCounts({ ...base, ...previous })),
      ]);
      return {
        from: base.from,
        to: base.to,
        previous: { from: previous.from, to: previous.to },
        indices,
        responses: { result: responseCountOf(responses), previous: responseCountOf(responsesBefore) },
      };
    },
  );
};
