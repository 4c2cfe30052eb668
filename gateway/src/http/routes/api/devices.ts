import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { HttpServices } from '../../services.ts';
import { Nullable } from '../../schemas.ts';
import { mayUseSite } from '../../scope.ts';

const DeviceBody = Type.Object({
  id: Type.String(),
  siteId: Type.String(),
  pointId: Type.String(),
  buttons: Nullable(Type.Integer()),
  transport: Nullable(Type.String()),
  model: Nullable(Type.String()),
  firmware: Nullable(Type.String()),
  boot: Nullable(Type.Integer()),
  battery: Nullable(Type.Integer()),
  rssi: Nullable(Type.Integer()),
  uptimeMs: Nullable(Type.Integer()),
  pressesSinceBoot: Nullable(Type.Integer()),
  lostSinceBoot: Nullable(Type.Integer({ description: 'presses the device counted since boot that never arrived' })),
  lastSeenAt: Nullable(Type.Integer()),
  online: Type.Boolean(),
});

/** The device registry of the caller's sites. */
export const deviceRoutes: FastifyPluginAsyncTypebox<{ services: Pick<HttpServices, 'devices'> }> = async (app, { services }) => {
  app.get(
    '/api/devices',
    {
      config: { access: 'indices:read' },
      schema: {
        tags: ['devices'],
        description: 'The device registry: identity, health, and lost messages detected from the counters',
        response: { 200: Type.Object({ devices: Type.Array(DeviceBody) }) },
      },
    },
    async (request) => ({ devices: services.devices.list().filter((d) => mayUseSite(request, d.siteId)) }),
  );
};
