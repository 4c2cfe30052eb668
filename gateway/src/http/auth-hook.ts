import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { User, UserRepo } from '../auth/user-repo.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | undefined;
  }
  interface FastifyContextConfig {
    /** true for the few routes reachable without a login (health, metrics, login itself) */
    public?: boolean;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  return header.slice('Bearer '.length).trim() || undefined;
}

/** Every /api route needs a valid session unless it is marked public. */
export const authHook = fp(async (app: FastifyInstance, opts: { users: UserRepo }) => {
  app.decorateRequest('user', undefined);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.routeOptions.config.public === true) return;
    const token = bearerToken(request);
    const user = token ? opts.users.userForToken(token) : undefined;
    if (!user) {
      return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'Sign in first: a valid session token is required' });
    }
    request.user = user;
  });
});
