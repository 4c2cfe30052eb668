import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, IndexResultSchema } from '../../platform/http/schemas.ts';
import { IndexFilter, IndexParams, toIndexQuery, answering, queryLookup } from './index-query-schema.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import type { IndexService } from './index-service.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';

export const indexRoutes: FastifyPluginAsyncTypebox<{ services: { indices: IndexService; topology: TopologyRepo; devices: DeviceRegistry } }> = async (app, { services }) => {
  const lookup = queryLookup(services);
  app.get(
    '/api/indices/:index',
    {
      config: { access: 'indices:read' },
      schema: {
        tags: ['indices'],
        description: 'One index over a filter and range, from the rollups; with n, its 95% interval, and enough = n ≥ the minimum',
        params: IndexParams,
        querystring: IndexFilter,
        response: { 200: Type.Object({ index: Type.String(), from: Type.Integer(), to: Type.Integer(), result: IndexResultSchema }), 400: ErrorBody },
      },
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
      schema: {
        tags: ['indices'],
        description: 'The index per point, per staff member, per local hour of day or per ISO weekday (1 = Monday)',
        params: IndexParams,
        querystring: Type.Intersect([IndexFilter, Type.Object({ by: Type.Union([Type.Literal('point'), Type.Literal('staff'), Type.Literal('hourOfDay'), Type.Literal('dayOfWeek'), Type.Literal('hourOfWeek')]) })]),
        response: { 200: Type.Object({ by: Type.String(), groups: Type.Array(Type.Object({ group: Type.String(), result: IndexResultSchema })) }), 400: ErrorBody },
      },
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
      schema: {
        tags: ['indices'],
        description: 'The index per minute, hour, local day or ISO week (whole buckets inside the range)',
        params: IndexParams,
        querystring: Type.Intersect([IndexFilter, Type.Object({ interval: Type.Union([Type.Literal('minute'), Type.Literal('hour'), Type.Literal('day'), Type.Literal('week')]) })]),
        response: {
          200: Type.Object({ interval: Type.String(), points: Type.Array(Type.Object({ start: Type.Integer(), end: Type.Integer(), result: IndexResultSchema })) }),
          400: ErrorBody,
        },
      },
    },
    async (request) => {
      const { interval, ...filter } = request.query;
      const q = toIndexQuery(request, lookup, request.params.index, filter);
      return { interval, points: await answering(() => services.indices.trend(q, interval)) };
    },
  );
};
