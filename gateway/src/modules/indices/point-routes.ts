import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Id, PointsResponseSchema } from '../../platform/http/schemas.ts';
import { mayUseSite, requirePoint } from '../../platform/http/scope.ts';
import type { Config } from '../../platform/config/schema.ts';
import type { DeviceInbox } from '../../core/device-inbox.ts';
import type { PointSummaries } from './point-summaries.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';

/** Points: their live summaries, and opening a rating at one (session mode). */
export const pointRoutes: FastifyPluginAsyncTypebox<{ services: { config: Config; topology: TopologyRepo; summaries: PointSummaries; inbox: DeviceInbox } }> = async (app, { services }) => {
  app.get(
    '/api/points',
    {
      config: { access: 'indices:read' },
      schema: {
        tags: ['indices'],
        description: "Every point with its Happy Index over the site's local day so far",
        response: { 200: PointsResponseSchema },
      },
    },
    async (request) => ({
      minAnswers: services.config.indices.minAnswers,
      points: await services.summaries.forPoints(new Set(services.topology.points().filter((p) => mayUseSite(request, p.siteId)).map((p) => p.id))),
    }),
  );

  app.post(
    '/api/points/:pointId/invite',
    {
      config: { access: 'devices:write' },
      schema: {
        tags: ['devices'],
        description: 'Session ("invite") mode: opens one rating at the point; the first press counts, the rest are misuse',
        params: Type.Object({ pointId: Id }),
        response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      requirePoint(request, (p) => services.topology.siteOfPoint(p), request.params.pointId);
      services.inbox.invite(request.params.pointId);
      return reply.code(204).send(null);
    },
  );
};
