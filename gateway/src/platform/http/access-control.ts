import type { FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import type { Access } from '../auth/access.ts';
import { resolveCredential, type Principal, type PrincipalSources } from '../auth/principal.ts';
import { errorBody } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
  interface FastifyContextConfig {
    /** who may call the route; a route without it is refused at start (deny by default) */
    access?: Access;
  }
  interface FastifyInstance {
    /** every registered route with the access it declares (for the access table test) */
    routeAccess(): { method: string; url: string; access: Access | undefined }[];
  }
}

export const CSRF_COOKIE = 'fb_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authorisation on the route the router matched (never on the raw URL): each route declares its
 * access; public routes pass, the rest need a session cookie or a bearer token with the declared
 * permission. Requests authenticated by the session cookie must also carry the CSRF token for
 * anything but GET and HEAD.
 */
export const accessControl = fp(async (app: FastifyInstance, opts: { sources: PrincipalSources; csrfKey: Buffer }) => {
  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true },
    csrfOpts: { hmacKey: opts.csrfKey },
    getUserInfo: (request) => (request.principal?.kind === 'user' ? request.principal.sessionId : ''),
  });
  app.decorateRequest('principal', undefined);

  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  const accessOf = (route: RouteOptions) => (route.config as { access?: Access } | undefined)?.access;
  app.decorate('routeAccess', () =>
    routes.flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({ method, url: r.url, access: accessOf(r) }))),
  );
  app.addHook('onReady', async () => {
    const undeclared = routes.filter((r) => accessOf(r) === undefined).map((r) => `${String(r.method)} ${r.url}`);
    if (undeclared.length > 0) throw new Error(`Routes without an access declaration (deny by default): ${undeclared.join(', ')}`);
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (access === 'public' || request.is404) return;
    if (access === undefined) return reply.code(403).send(errorBody(403, 'This route declares no access'));
    const credential = resolveCredential(request, opts.sources);
    if (credential.kind !== 'ok') {
      return reply
        .code(401)
        .send(
          errorBody(
            401,
            credential.kind === 'none' ? 'Sign in first' : 'The session or token is not valid (expired, signed out or revoked)',
          ),
        );
    }
    const principal = credential.principal;
    if (access === 'session') {
      if (principal.kind !== 'user') return reply.code(403).send(errorBody(403, 'Only a signed-in user has an account'));
    } else {
      if (principal.kind === 'user' && principal.user.mustChangePassword) {
        return reply.code(403).send(errorBody(403, 'Choose a new password first (POST /api/auth/password)', 'PasswordChangeRequired'));
      }
      if (!principal.permissions.has(access)) return reply.code(403).send(errorBody(403, `Not allowed: needs "${access}"`));
    }
    request.principal = principal;
  });

  app.addHook('onRequest', (request, reply, done) => {
    if (request.principal?.kind !== 'user' || SAFE_METHODS.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });
});
