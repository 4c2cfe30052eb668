import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { mayUseSite, requireSite } from '../../platform/http/scope.ts';
import { DeviceBody, ErrorBody, Id } from '../../platform/http/schemas.ts';
import { HttpError } from '../../platform/http/errors.ts';
import type { DeviceRegistry } from './device-registry.ts';


/** The device registry of the caller's sites. */
const BootBody = Type.Object({
  boot: Type.Integer(),
  stored: Type.Integer({ description: 'answers stored' }),
  duplicates: Type.Integer({ description: 'retransmissions of messages already stored' }),
  refused: Type.Record(Type.String(), Type.Integer(), { description: 'messages refused for good, by reason' }),
});

export const deviceRoutes: FastifyPluginAsyncTypebox<{ services: { devices: DeviceRegistry } }> = async (app, { services }) => {
  app.get(
    '/api/devices/:deviceId/boots',
    {
      config: { access: 'indices:read' },
      schema: {
        tags: ['devices'],
        description: "What happened to a device's messages in each boot, latest first: stored, duplicates, refused by reason",
        params: Type.Object({ deviceId: Id }),
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 1000, default: 20 }) }),
        response: { 200: Type.Object({ deviceId: Type.String(), boots: Type.Array(BootBody) }), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const device = services.devices.get(request.params.deviceId);
      if (!device) throw new HttpError(404, `No device "${request.params.deviceId}"`);
      requireSite(request, device.siteId);
      return { deviceId: device.id, boots: services.devices.boots(device.id, request.query.limit) ?? [] };
    },
  );


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
