import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { HttpServices } from '../services.ts';
import { EmotionBody } from '../schemas-emotion.ts';

const HealthBody = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not-ready')]),
  checks: Type.Object({ store: Type.Boolean(), broker: Type.Boolean() }),
  /** why the gateway is not ready (for example a full disk), when it is not */
  reason: Type.Union([Type.String(), Type.Null()]),
  /** the emotion monitor: reported, but it does not make the gateway unready (buttons still work) */
  emotion: EmotionBody,
});

/** Readiness for probes: public (no customer data), 503 with the reason when not ready. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ services: Pick<HttpServices, 'health' | 'cameras'> }> = async (app, { services }) => {
  app.get(
    '/health',
    { config: { access: 'public' }, schema: { tags: ['operations'], response: { 200: HealthBody, 503: HealthBody } } },
    async (_request, reply) => {
      const { storeProblem, ...checks } = services.health();
      const ready = checks.store && checks.broker;
      const reason = storeProblem ?? (checks.broker ? null : 'the MQTT broker is not connected');
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not-ready', checks, reason: ready ? null : reason, emotion: services.cameras.status });
    },
  );
};
