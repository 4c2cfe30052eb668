import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Metrics } from './metrics.ts';

/** Prometheus text for monitoring: public (no customer data). */
export const metricsRoutes: FastifyPluginAsyncTypebox<{ services: { metrics: Metrics } }> = async (app, { services }) => {
  app.get('/metrics', { config: { access: 'public' }, schema: { tags: ['operations'], hide: true } }, async (_request, reply) => {
    const body = await services.metrics.registry.metrics();
    return reply.type(services.metrics.registry.contentType).send(body);
  });
};
