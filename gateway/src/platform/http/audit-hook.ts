import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { AuditRepo } from '../settings/audit-repo.ts';
import { principalName } from '../auth/principal.ts';

/**
 * Audits every change made through an admin route (users, roles, tokens, pairing codes): who,
 * which route, on what, when. Bodies are never recorded (they may hold passwords). The settings
 * routes write their own, fuller rows (before and after) and are left out here.
 */
export const auditHook = fp(async (app: FastifyInstance, opts: { audit: AuditRepo }) => {
  app.addHook('onResponse', async (request, reply) => {
    const access = (request.routeOptions.config as { access?: string } | undefined)?.access;
    const url = request.routeOptions.url ?? '';
    if (access !== 'admin' || request.method === 'GET' || reply.statusCode >= 400 || !request.principal || url.startsWith('/api/settings'))
      return;
    try {
      opts.audit.record({
        at: Date.now(),
        actor: principalName(request.principal),
        action: `${request.method} ${url}`,
        target: request.url.split('?')[0]!.replace(/^\/api\//, ''),
        before: null,
        after: { status: reply.statusCode },
      });
    } catch (error) {
      request.log.error({ err: error }, 'audit row not written');
    }
  });
});
