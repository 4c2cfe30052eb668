import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Id, Text } from '../../platform/http/schemas.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { principalOf } from '../../platform/http/scope.ts';
import { principalName } from '../../platform/auth/principal.ts';
import type { Config } from '../../platform/config/schema.ts';
import type { PairingCodes } from '../../platform/auth/pairing-codes.ts';
import type { TokenRepo } from '../../platform/auth/token-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';

/**
 * Pairing a kiosk or a staff screen: an admin asks for a short code (POST /api/tokens/pairing-codes),
 * types it on the device, and the device exchanges it once for its scoped token (POST /api/pair).
 */
export const pairingRoutes: FastifyPluginAsyncTypebox<{ services: { tokens: TokenRepo; topology: TopologyRepo; pairing: PairingCodes; config: Config } }> = async (app, { services }) => {
  app.post(
    '/api/tokens/pairing-codes',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['tokens'],
        description: 'A short code, valid 10 minutes and once, that a kiosk (for a device) or a staff screen (for a point) exchanges for its token',
        body: Type.Object(
          { kind: Type.Union([Type.Literal('kiosk'), Type.Literal('screen')]), name: Text(100, { minLength: 1 }), deviceId: Type.Optional(Id), pointId: Type.Optional(Id) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ code: Type.String(), expiresAt: Type.Integer() }), 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const { kind, name, deviceId, pointId } = request.body;
      if (kind === 'screen' && (!pointId || !services.topology.siteOfPoint(pointId))) throw new HttpError(400, 'A screen needs an existing pointId');
      if (kind === 'kiosk' && (!deviceId || !services.topology.siteOfDevice(deviceId))) throw new HttpError(400, 'A kiosk needs an existing deviceId');
      let issued;
      try {
        issued = services.pairing.issue({ kind, name, deviceId: kind === 'kiosk' ? deviceId : undefined, pointId: kind === 'screen' ? pointId : undefined, createdBy: principalName(principalOf(request)) });
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
      schema: {
        tags: ['tokens'],
        description: "Exchanges a pairing code (once) for the device's scoped token; the token is shown only now",
        body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ token: Type.String(), kind: Type.String() }), 404: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const spec = services.pairing.redeem(request.body.code);
      if (!spec) throw new HttpError(404, 'Unknown, used or expired pairing code');
      const created = services.tokens.create({ name: spec.name, kind: spec.kind, siteIds: null, pointId: spec.pointId ?? null, deviceId: spec.deviceId ?? null, createdBy: spec.createdBy });
      request.log.info({ tokenId: created.info.id, kind: spec.kind, by: spec.createdBy }, 'device paired');
      return reply.code(201).send({ token: created.token, kind: spec.kind });
    },
  );
};
