import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EMOTION_INDICES, INDEX_NAMES } from '../../core/index-names.ts';
import { ignoredEmotionFilters } from './emotion-scope.ts';
import { answering, toIndexQuery, queryLookup } from './index-query-schema.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import type { IndexService } from './index-service.ts';
import { responseCountOf } from './response-count.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { overviewApi } from './overview-api.ts';

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
      const base = toIndexQuery(request, lookup, 'happy', request.query);
      // METRICS.md: the previous period has the same length and ends where the range starts (on a DST day it is not the previous local day)
      const previous = { from: base.from - (base.to - base.from), to: base.from };
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
        previous,
        indices,
        responses: { result: responseCountOf(responses), previous: responseCountOf(responsesBefore) },
      };
    },
  );
};
