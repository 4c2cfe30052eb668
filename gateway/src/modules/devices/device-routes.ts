import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { mayUseSite, requireSite } from '../../platform/http/scope.ts';
import { HttpError } from '../../platform/http/errors.ts';
import type { DeviceRegistry } from './device-registry.ts';
import { deviceApi } from './device-api.ts';

export const deviceRoutes: FastifyPluginAsyncTypebox<{ services: { devices: DeviceRegistry } }> = async (app, { services }) => {
  app.get(
    '/api/devices/:deviceId/boots',
    {
      config: { access: 'indices:read' },
      schema: deviceApi['GET /api/devices/:deviceId/boots'],
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
      schema: deviceApi['GET /api/devices'],
    },
    async (request) => ({ devices: services.devices.list().filter((d) => mayUseSite(request, d.siteId)) }),
  );
};
