import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Id, MultilineText, Nullable } from '../../platform/http/schemas.ts';
import { mayUseSite, principalOf, requirePoint } from '../../platform/http/scope.ts';
import { principalName } from '../../platform/auth/principal.ts';
import type { AlertEngine } from './alert-engine.ts';
import type { AlertRepo } from './alert-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import type { WebhookSender } from './webhooks.ts';

const AlertBody = Type.Object({
  id: Type.Integer(),
  ruleId: Type.String(),
  pointId: Type.String(),
  kind: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('closed')]),
  firedAt: Type.Integer(),
  value: Nullable(Type.Number()),
  n: Type.Integer(),
  message: Type.String(),
  params: Nullable(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), { description: "the message's figures, to say it in another language" })),
  acknowledgedBy: Nullable(Type.String()),
  acknowledgedAt: Nullable(Type.Integer()),
  comment: Nullable(Type.String()),
  closedAt: Nullable(Type.Integer()),
});

export const alertRoutes: FastifyPluginAsyncTypebox<{ services: { alerts: { engine: AlertEngine; store: AlertRepo; webhooks: WebhookSender }; topology: TopologyRepo } }> = async (app, { services }) => {
  app.get(
    '/api/alerts',
    {
      config: { access: 'indices:read' },
      schema: {
        tags: ['alerts'],
        querystring: Type.Object({
          status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('closed')])),
          pointId: Type.Optional(Id),
          limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
        }),
        response: { 200: Type.Object({ alerts: Type.Array(AlertBody) }) },
      },
    },
    async (request) => {
      const pointIds = services.topology.points().filter((p) => mayUseSite(request, p.siteId)).map((p) => p.id);
      return { alerts: services.alerts.store.list({ ...request.query, pointIds }) };
    },
  );

  app.post(
    '/api/alerts/:id/ack',
    {
      config: { access: 'alerts:write' },
      schema: {
        tags: ['alerts'],
        description: 'Acknowledged by the signed-in user, with an optional comment (the root cause)',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({ comment: Type.Optional(MultilineText(2000)) }, { additionalProperties: false }),
        response: { 200: AlertBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const existing = services.alerts.store.get(request.params.id);
      if (!existing) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `No alert ${request.params.id}` });
      requirePoint(request, (p) => services.topology.siteOfPoint(p), existing.pointId);
      const alert = services.alerts.engine.acknowledge(request.params.id, principalName(principalOf(request)), request.body.comment ?? null);
      if (!alert) return reply.code(409).send({ statusCode: 409, error: 'Conflict', message: `Alert ${existing.id} is ${existing.status}, not open` });
      return alert;
    },
  );
};
