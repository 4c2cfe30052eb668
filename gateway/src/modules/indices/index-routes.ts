import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toIndexQuery, answering, queryLookup } from './index-query-schema.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import type { IndexService } from './index-service.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { indexApi } from './index-api.ts';
import { ignoredEmotionFilters } from './emotion-scope.ts';
import { EMOTION_INDICES } from '../../core/index-names.ts';
import type { IndexQuery } from './index-service.ts';

/** For an emotional index, the filters it ignored (always listed, empty when none). */
function ignoredFiltersOf(q: IndexQuery): { ignoredFilters?: ReturnType<typeof ignoredEmotionFilters> } {
  return (EMOTION_INDICES as readonly string[]).includes(q.index) ? { ignoredFilters: ignoredEmotionFilters(q) } : {};
}

export const indexRoutes: FastifyPluginAsyncTypebox<{
  services: { indices: IndexService; topology: TopologyRepo; devices: DeviceRegistry };
}> = async (app, { services }) => {
  const lookup = queryLookup(services);
  app.get(
    '/api/indices/:index',
    {
      config: { access: 'indices:read' },
      schema: indexApi['GET /api/indices/:index'],
    },
    async (request) => {
      const q = await answering(() => services.indices.narrowed(toIndexQuery(request, lookup, request.params.index, request.query)));
      const result = await answering(() => services.indices.compute(q));
      return { index: q.index, from: q.from, to: q.to, result, ...ignoredFiltersOf(q) };
    },
  );

  app.get(
    '/api/indices/:index/breakdown',
    {
      config: { access: 'indices:read' },
      schema: indexApi['GET /api/indices/:index/breakdown'],
    },
    async (request) => {
      const { by, ...filter } = request.query;
      const q = toIndexQuery(request, lookup, request.params.index, filter);
      return { by, groups: await answering(() => services.indices.breakdown(q, by)) };
    },
  );

  app.get(
    '/api/indices/:index/trend',
    {
      config: { access: 'indices:read' },
      schema: indexApi['GET /api/indices/:index/trend'],
    },
    async (request) => {
      const { interval, ...filter } = request.query;
      const q = toIndexQuery(request, lookup, request.params.index, filter);
      const trend = await answering(() => services.indices.trendOf(q, interval));
      return { interval, ...trend, ...ignoredFiltersOf(q) };
    },
  );
};
