import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../platform/http/errors.ts';
import { principalOf } from '../../platform/http/scope.ts';
import { principalName } from '../../platform/auth/principal.ts';
import type { Config } from '../../platform/config/schema.ts';
import type { PairingCodes } from '../../platform/auth/pairing-codes.ts';
import type { TokenRepo } from '../../platform/auth/token-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { pairingApi } from './pairing-api.ts';

/**
 * Pairing a kiosk or a staff screen: an admin asks for a short code (POST /api/tokens/pairing-codes),
 * types it on the device, and the device exchanges it once for its scoped token (POST /api/pair).
 */
export const pairingRoutes: FastifyPluginAsyncTypebox<{
  services: { tokens: TokenRepo; topology: TopologyRepo; pairing: PairingCodes; config: Config };
}> = async (app, { services }) => {
  app.post(
    '/api/tokens/pairing-codes',
    {
      config: { access: 'admin' },
      schema: pairingApi['POST /api/tokens/pairing-codes'],
    },
    async (request, reply) => {
      const { kind, name, deviceId, pointId } = request.body;
      if (kind === 'screen' && (!pointId || !services.topology.siteOfPoint(pointId)))
        throw new HttpError(400, 'A screen needs an existing pointId');
      if (kind === 'kiosk' && (!deviceId || !services.topology.siteOfDevice(deviceId)))
        throw new HttpError(400, 'A kiosk needs an existing deviceId');
      let issued;
      try {
        issued = services.pairing.issue({
          kind,
          name,
          deviceId: kind === 'kiosk' ? deviceId : undefined,
          pointId: kind === 'screen' ? pointId : undefined,
          createdBy: principalName(principalOf(request)),
        });
      } catch (error) {
        throw new HttpError(400, (error as Error).message);
      }
      return reply.code(201).send(issued);
    },
  );

  app.post(
    '/api/pair',
    {
      config: { access: 'public', rateLimit: { max: services.config.auth.loginRatePerMinute, timeWindow: 60_000 } },
      schema: pairingApi['POST /api/pair'],
    },
    async (request, reply) => {
      const spec = services.pairing.redeem(request.body.code);
      if (!spec) throw new HttpError(404, 'Unknown, used or expired pairing code');
      const created = services.tokens.create({
        name: spec.name,
        kind: spec.kind,
        siteIds: null,
        pointId: spec.pointId ?? null,
        deviceId: spec.deviceId ?? null,
        createdBy: spec.createdBy,
      });
      request.log.info({ tokenId: created.info.id, kind: spec.kind, by: spec.createdBy }, 'device paired');
      return reply.code(201).send({ token: created.token, kind: spec.kind });
    },
  );
};
