import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EmotionBody } from './schemas.ts';
import { mayUseSite } from '../../platform/http/scope.ts';
import type { CameraMonitor } from './camera-monitor.ts';
import type { Config } from '../../platform/config/schema.ts';

/** The emotion monitor and each camera of the caller's sites. */
export const cameraRoutes: FastifyPluginAsyncTypebox<{ services: { cameras: CameraMonitor; config: Config } }> = async (app, { services }) => {
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
};
