import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { mayUseSite, principalOf, requirePoint } from '../../platform/http/scope.ts';
import { principalName } from '../../platform/auth/principal.ts';
import type { AlertEngine } from './alert-engine.ts';
import type { AlertRepo } from './alert-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import type { WebhookSender } from './webhooks.ts';
import { alertApi } from './alert-api.ts';

export const alertRoutes: FastifyPluginAsyncTypebox<{
  services: { alerts: { engine: AlertEngine; store: AlertRepo; webhooks: WebhookSender }; topology: TopologyRepo };
}> = async (app, { services }) => {
  app.get(
    '/api/alerts',
    {
      config: { access: 'indices:read' },
      schema: alertApi['GET /api/alerts'],
    },
    async (request) => {
      const pointIds = services.topology
        .points()
        .filter((p) => mayUseSite(request, p.siteId))
        .map((p) => p.id);
      return { alerts: services.alerts.store.list({ ...request.query, pointIds }) };
    },
  );

  app.post(
    '/api/alerts/:id/ack',
    {
      config: { access: 'alerts:write' },
      schema: alertApi['POST /api/alerts/:id/ack'],
    },
    async (request, reply) => {
      const existing = services.alerts.store.get(request.params.id);
      if (!existing) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `No alert ${request.params.id}` });
      requirePoint(request, (p) => services.topology.siteOfPoint(p), existing.pointId);
      const alert = services.alerts.engine.acknowledge(
        request.params.id,
        principalName(principalOf(request)),
        request.body.comment ?? null,
      );
      if (!alert)
        return reply
          .code(409)
          .send({ statusCode: 409, error: 'Conflict', message: `Alert ${existing.id} is ${existing.status}, not open` });
      return alert;
    },
  );
};
