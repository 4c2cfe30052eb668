import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { HttpServices } from '../services.ts';
import { mayUseSite } from '../scope.ts';

const EmotionBody = Type.Object({
  state: Type.Union([Type.Literal('off'), Type.Literal('starting'), Type.Literal('ready'), Type.Literal('failed')]),
  backend: Type.Union([Type.String(), Type.Null()], { description: 'tensorflow (tfjs-node) or wasm' }),
  error: Type.Union([Type.String(), Type.Null()]),
});

const HealthBody = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not-ready')]),
  checks: Type.Object({ store: Type.Boolean(), broker: Type.Boolean() }),
  /** why the gateway is not ready (for example a full disk), when it is not */
  reason: Type.Union([Type.String(), Type.Null()]),
  /** the emotion monitor: reported, but it does not make the gateway unready (buttons still work) */
  emotion: EmotionBody,
});

/** Operational endpoints, public so that probes and Prometheus need no login; no customer data. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
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

  app.get(
    '/api/cameras',
    {
      config: { access: 'indices:read' },
      schema: {
        tags: ['emotion'],
        description: 'The emotion monitor and each camera: state, last error, frames analysed and dropped. No image is ever kept.',
        response: {
          200: Type.Object({
            emotion: EmotionBody,
            cameras: Type.Array(
              Type.Object({
                id: Type.String(),
                tag: Type.String(),
                state: Type.String(),
                error: Type.Union([Type.String(), Type.Null()]),
                framesAnalysed: Type.Integer(),
                framesDropped: Type.Integer(),
                lastWindowAt: Type.Union([Type.Integer(), Type.Null()]),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const siteOf = new Map(services.config.cameras.map((c) => [c.id, c.siteId]));
      const cameras = services.cameras.cameraStatus().filter((c) => mayUseSite(request, siteOf.get(c.id) ?? ''));
      return { emotion: services.cameras.status, cameras };
    },
  );

  app.get('/metrics', { config: { access: 'public' }, schema: { tags: ['operations'], hide: true } }, async (_request, reply) => {
    const body = await services.metrics.registry.metrics();
    return reply.type(services.metrics.registry.contentType).send(body);
  });
};
