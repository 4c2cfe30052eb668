import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AlertEngine } from './alert-engine.ts';
import type { AlertRepo } from './alert-repo.ts';
import type { WebhookSender } from './webhooks.ts';
import { webhookApi } from './webhook-api.ts';

/** The webhook delivery log, for admins. */
export const webhookRoutes: FastifyPluginAsyncTypebox<{
  services: { alerts: { engine: AlertEngine; store: AlertRepo; webhooks: WebhookSender } };
}> = async (app, { services }) => {
  app.get(
    '/api/webhooks/deliveries',
    {
      config: { access: 'admin' },
      schema: webhookApi['GET /api/webhooks/deliveries'],
    },
    async (request) => ({ deliveries: services.alerts.webhooks.deliveries(request.query.limit) }),
  );
};
