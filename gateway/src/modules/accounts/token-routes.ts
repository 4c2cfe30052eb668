import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Id, Text, TokenBody } from '../../platform/http/schemas.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { principalOf, requireKnownSites } from '../../platform/http/scope.ts';
import { principalName } from '../../platform/auth/principal.ts';
import { INTEGRATION_SCOPES, TOKEN_KINDS } from '../../platform/auth/access.ts';
import type { TokenRepo } from '../../platform/auth/token-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';

/**
 * Scoped tokens, for admins. integration: an API token with chosen scopes (optionally limited to
 * sites); kiosk: submits answers for its device and reads its survey; screen: reads one point's
 * live summary; device: the device's MQTT password, nothing on HTTP. The secret is shown once.
 */
export const tokenRoutes: FastifyPluginAsyncTypebox<{ services: { tokens: TokenRepo; topology: TopologyRepo } }> = async (app, { services }) => {
  app.get('/api/tokens', { config: { access: 'admin' }, schema: { tags: ['tokens'], response: { 200: Type.Object({ tokens: Type.Array(TokenBody) }) } } }, async () => ({
    tokens: services.tokens.list(),
  }));

  app.post(
    '/api/tokens',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['tokens'],
        body: Type.Object(
          {
            name: Text(100, { minLength: 1 }),
            kind: Type.Union(TOKEN_KINDS.map((k) => Type.Literal(k))),
            scopes: Type.Optional(Type.Array(Type.Union(INTEGRATION_SCOPES.map((p) => Type.Literal(p))), { maxItems: 20 })),
            siteIds: Type.Optional(Type.Array(Id, { maxItems: 1000 })),
            pointId: Type.Optional(Id),
            deviceId: Type.Optional(Id),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ token: Type.String({ description: 'shown only now; only its hash is kept' }), info: TokenBody }), 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const { name, kind, scopes, siteIds, pointId, deviceId } = request.body;
      if (kind === 'integration' && (!scopes || scopes.length === 0)) throw new HttpError(400, 'An integration token needs at least one scope');
      if (kind !== 'integration' && (scopes || siteIds)) throw new HttpError(400, `A ${kind} token's scope is fixed by its kind; give no scopes or sites`);
      if (kind === 'screen' && (!pointId || !services.topology.siteOfPoint(pointId))) throw new HttpError(400, 'A screen token needs an existing pointId');
      if ((kind === 'kiosk' || kind === 'device') && (!deviceId || !services.topology.siteOfDevice(deviceId))) throw new HttpError(400, `A ${kind} token needs an existing deviceId`);
      requireKnownSites(services.topology.sites(), siteIds ?? []);
      const createdBy = principalName(principalOf(request));
      const created = services.tokens.create({ name, kind, scopes, siteIds: siteIds ?? null, pointId: kind === 'screen' ? pointId : null, deviceId: kind === 'screen' ? null : deviceId, createdBy });
      request.log.info({ tokenId: created.info.id, kind, by: createdBy }, 'token created');
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: 'admin' },
      schema: { tags: ['tokens'], description: 'Revokes a token at once; its live sockets close', params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), response: { 204: Type.Null(), 404: ErrorBody } },
    },
    async (request, reply) => {
      if (!services.tokens.revoke(request.params.id)) throw new HttpError(404, `No active token ${request.params.id}`);
      return reply.code(204).send(null);
    },
  );
};
