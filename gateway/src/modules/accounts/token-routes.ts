import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../platform/http/errors.ts';
import { principalOf, requireKnownSites } from '../../platform/http/scope.ts';
import { principalName } from '../../platform/auth/principal.ts';
import type { TokenRepo } from '../../platform/auth/token-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { tokenApi } from './token-api.ts';

/**
 * Scoped tokens, for admins. integration: an API token with chosen scopes (optionally limited to
 * sites); kiosk: submits answers for its device and reads its survey; screen: reads one point's
 * live summary; device: the device's MQTT password, nothing on HTTP. The secret is shown once.
 */
export const tokenRoutes: FastifyPluginAsyncTypebox<{ services: { tokens: TokenRepo; topology: TopologyRepo } }> = async (
  app,
  { services },
) => {
  app.get('/api/tokens', { config: { access: 'admin' }, schema: tokenApi['GET /api/tokens'] }, async () => ({
    tokens: services.tokens.list(),
  }));

  app.post(
    '/api/tokens',
    {
      config: { access: 'admin' },
      schema: tokenApi['POST /api/tokens'],
    },
    async (request, reply) => {
      const { name, kind, scopes, siteIds, pointId, deviceId } = request.body;
      if (kind === 'integration' && (!scopes || scopes.length === 0))
        throw new HttpError(400, 'An integration token needs at least one scope');
      if (kind !== 'integration' && (scopes || siteIds))
        throw new HttpError(400, `A ${kind} token's scope is fixed by its kind; give no scopes or sites`);
      if (kind === 'screen' && (!pointId || !services.topology.siteOfPoint(pointId)))
        throw new HttpError(400, 'A screen token needs an existing pointId');
      if ((kind === 'kiosk' || kind === 'device') && (!deviceId || !services.topology.siteOfDevice(deviceId)))
        throw new HttpError(400, `A ${kind} token needs an existing deviceId`);
      requireKnownSites(services.topology.sites(), siteIds ?? []);
      const createdBy = principalName(principalOf(request));
      const created = services.tokens.create({
        name,
        kind,
        scopes,
        siteIds: siteIds ?? null,
        pointId: kind === 'screen' ? pointId : null,
        deviceId: kind === 'screen' ? null : deviceId,
        createdBy,
      });
      request.log.info({ tokenId: created.info.id, kind, by: createdBy }, 'token created');
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: 'admin' },
      schema: tokenApi['DELETE /api/tokens/:id'],
    },
    async (request, reply) => {
      if (!services.tokens.revoke(request.params.id)) throw new HttpError(404, `No active token ${request.params.id}`);
      return reply.code(204).send(null);
    },
  );
};
