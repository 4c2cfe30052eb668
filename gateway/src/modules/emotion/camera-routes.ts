import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { mayUseSite } from '../../platform/http/scope.ts';
import type { CameraMonitor } from './camera-monitor.ts';
import type { Config } from '../../platform/config/schema.ts';
import { cameraApi } from './camera-api.ts';

/** The emotion monitor and each camera of the caller's sites. */
export const cameraRoutes: FastifyPluginAsyncTypebox<{ services: { cameras: CameraMonitor; config: Config } }> = async (
  app,
  { services },
) => {
  app.get(
    '/api/cameras',
    {
      config: { access: 'indices:read' },
      schema: cameraApi['GET /api/cameras'],
    },
    async (request) => {
      const siteOf = new Map(services.config.cameras.map((c) => [c.id, c.siteId]));
      const cameras = services.cameras.cameraStatus().filter((c) => mayUseSite(request, siteOf.get(c.id) ?? ''));
      return { emotion: services.cameras.status, cameras };
    },
  );
};
