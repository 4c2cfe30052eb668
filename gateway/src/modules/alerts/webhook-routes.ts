import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Nullable } from '../../platform/http/schemas.ts';
import type { AlertEngine } from './alert-engine.ts';
import type { AlertRepo } from './alert-repo.ts';
import type { WebhookSender } from './webhooks.ts';

/** The webhook delivery log, for admins. */
export const webhookRoutes: FastifyPluginAsyncTypebox<{ services: { alerts: { engine: AlertEngine; store: AlertRepo; webhooks: WebhookSender } } }> = async (app, { services }) => {
  app.get(
    '/api/webhooks/deliveries',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['alerts'],
        description: 'Every webhook delivery attempt, newest first',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }) }),
        response: {
          200: Type.Object({
            deliveries: Type.Array(
              Type.Object({
                id: Type.Integer(),
                url: Type.String(),
                event: Type.String(),
                alertId: Nullable(Type.Integer()),
                attempt: Type.Integer(),
                statusCode: Nullable(Type.Integer()),
                error: Nullable(Type.String()),
                delivered: Type.Boolean(),
                at: Type.Integer(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ deliveries: services.alerts.webhooks.deliveries(request.query.limit) }),
  );
};
