import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toIndexQuery, answering, queryLookup } from './index-query-schema.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import type { IndexService } from './index-service.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { indexApi } from './index-api.ts';

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
      const q = toIndexQuery(request, lookup, request.params.index, request.query);
      return { index: q.index, from: q.from, to: q.to, result: await answering(() => services.indices.compute(q)) };
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
      return { interval, points: await answering(() => services.indices.trend(q, interval)) };
    },
  );
};
