import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { HttpServices } from '../services.ts';
import { ErrorBody, Nullable } from '../schemas.ts';


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

export const deviceRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  app.get(
    '/api/devices',
    {
      schema: {
        tags: ['devices'],
        description: 'The device registry: identity, health, and lost messages detected from the counters',
        response: { 200: Type.Object({ devices: Type.Array(DeviceBody) }) },
      },
    },
    async () => ({ devices: services.devices.list() }),
  );

  app.post(
    '/api/points/:pointId/invite',
    {
      schema: {
        tags: ['devices'],
        description: 'Session ("invite") mode: opens one rating at the point; the first press counts, the rest are misuse',
        params: Type.Object({ pointId: Type.String({ maxLength: 64 }) }),
        response: { 204: Type.Null(), 404: ErrorBody },
      },
    },
    async (request, reply) => {
      if (!services.topology.points().some((p) => p.id === request.params.pointId)) {
        return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `No point "${request.params.pointId}"` });
      }
      services.misuse.invite(request.params.pointId);
      return reply.code(204).send(null);
    },
  );
};
