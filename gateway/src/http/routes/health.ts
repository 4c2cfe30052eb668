import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { HttpServices } from '../services.ts';

const HealthBody = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not-ready')]),
  checks: Type.Object({ store: Type.Boolean(), broker: Type.Boolean() }),
});

/** Operational endpoints, public so that probes and Prometheus need no login; no customer data. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  app.get(
    '/health',
    { config: { public: true }, schema: { tags: ['operations'], response: { 200: HealthBody, 503: HealthBody } } },
    async (_request, reply) => {
      const checks = services.health();
      const ready = checks.store && checks.broker;
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not-ready', checks });
    },
  );

  app.get('/metrics', { config: { public: true }, schema: { tags: ['operations'], hide: true } }, async (_request, reply) => {
    const body = await services.metrics.registry.metrics();
    return reply.type(services.metrics.registry.contentType).send(body);
  });
};
