import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EmotionBody } from '../modules/emotion/schemas.ts';
import type { CameraMonitor } from '../modules/emotion/camera-monitor.ts';

export interface HealthChecks {
  store: boolean;
  broker: boolean;
  /** why the store is not ready (a full or read-only disk), when it is not */
  storeProblem?: string | null;
}

const HealthBody = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not-ready')]),
  checks: Type.Object({ store: Type.Boolean(), broker: Type.Boolean() }),
  /** why the gateway is not ready (for example a full disk), when it is not */
  reason: Type.Union([Type.String(), Type.Null()]),
  /** the emotion monitor: reported, but it does not make the gateway unready (buttons still work) */
  emotion: EmotionBody,
});

/** Readiness for probes: public (no customer data), 503 with the reason when not ready. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ services: { health: () => HealthChecks; cameras: CameraMonitor } }> = async (
  app,
  { services },
) => {
  app.get(
    '/health',
    { config: { access: 'public' }, schema: { tags: ['operations'], response: { 200: HealthBody, 503: HealthBody } } },
    async (_request, reply) => {
      const { storeProblem, ...checks } = services.health();
      const ready = checks.store && checks.broker;
      const reason = storeProblem ?? (checks.broker ? null : 'the MQTT broker is not connected');
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not-ready', checks, reason: ready ? null : reason, emotion: services.cameras.status });
    },
  );
};
