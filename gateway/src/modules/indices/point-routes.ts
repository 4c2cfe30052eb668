import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { mayUseSite, requirePoint } from '../../platform/http/scope.ts';
import type { Config } from '../../platform/config/schema.ts';
import type { DeviceInbox } from '../../core/device-inbox.ts';
import type { PointSummaries } from './point-summaries.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { pointApi } from './point-api.ts';

/** Points: their live summaries, and opening a rating at one (session mode). */
export const pointRoutes: FastifyPluginAsyncTypebox<{
  services: { config: Config; topology: TopologyRepo; summaries: PointSummaries; inbox: DeviceInbox };
}> = async (app, { services }) => {
  app.get(
    '/api/points',
    {
      config: { access: 'indices:read' },
      schema: pointApi['GET /api/points'],
    },
    async (request) => ({
      minAnswers: services.config.indices.minAnswers,
      points: await services.summaries.forPoints(
        new Set(
          services.topology
            .points()
            .filter((p) => mayUseSite(request, p.siteId))
            .map((p) => p.id),
        ),
      ),
    }),
  );

  app.post(
    '/api/points/:pointId/invite',
    {
      config: { access: 'devices:write' },
      schema: pointApi['POST /api/points/:pointId/invite'],
    },
    async (request, reply) => {
      requirePoint(request, (p) => services.topology.siteOfPoint(p), request.params.pointId);
      services.inbox.invite(request.params.pointId);
      return reply.code(204).send(null);
    },
  );
};
