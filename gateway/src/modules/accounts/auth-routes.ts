import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../platform/auth/principal.ts';
import { CSRF_COOKIE } from '../../platform/http/access-control.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { principalOf } from '../../platform/http/scope.ts';
import type { User } from '../../platform/auth/user-repo.ts';
import type { Config } from '../../platform/config/schema.ts';
import type { LoginThrottle } from '../../platform/auth/login-throttle.ts';
import type { UserRepo } from '../../platform/auth/user-repo.ts';
import { authApi } from './auth-api.ts';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Whether cookies get the Secure flag: always over TLS and on loopback (where browsers accept it), per configuration elsewhere. */
export function secureCookies(request: FastifyRequest, mode: 'auto' | 'always' | 'never'): boolean {
  if (mode !== 'auto') return mode === 'always';
  return request.protocol === 'https' || LOOPBACK.test(request.hostname);
}

/** Sign-in, sign-out, the signed-in user, and changing one's own password. */
export const authRoutes: FastifyPluginAsyncTypebox<{
  services: { config: Config; users: UserRepo; loginThrottle: LoginThrottle };
}> = async (app, { services }) => {
  const cookieMode = services.config.http.secureCookies;
  /** A CSRF token bound to the session (its secret cookie follows the session cookie's Secure flag). */
  const csrfToken = (request: FastifyRequest, reply: FastifyReply, sessionId: string) =>
    reply.generateCsrf({ userInfo: sessionId, secure: secureCookies(request, cookieMode) } as Parameters<typeof reply.generateCsrf>[0]);
  const startSession = (request: FastifyRequest, reply: FastifyReply, user: User) => {
    const session = services.users.openSession(user.id);
    const secure = secureCookies(request, cookieMode);
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      secure,
      sameSite: 'strict',
      expires: new Date(session.expiresAt),
    });
    return { user, expiresAt: session.expiresAt, csrfToken: csrfToken(request, reply, session.sessionId) };
  };
  /** 429 with Retry-After while this name or address is locked out. */
  const refuseWhileLocked = (username: string, address: string, message: string) => {
    const wait = services.loginThrottle.retryAfterMs(username, address);
    if (wait > 0) throw new HttpError(429, message, { 'retry-after': String(Math.ceil(wait / 1000)) });
  };

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: services.config.auth.loginRatePerMinute, timeWindow: 60_000 } },
      schema: authApi['POST /api/auth/login'],
    },
    async (request, reply) => {
      const { username, password } = request.body;
      refuseWhileLocked(username, request.ip, 'Too many failed sign-ins; try again later');
      const user = await services.users.verify(username, password);
      if (!user) {
        services.loginThrottle.failed(username, request.ip);
        request.log.info({ username, address: request.ip }, 'failed login');
        throw new HttpError(401, 'Wrong user name or password');
      }
      services.loginThrottle.succeeded(username, request.ip);
      return startSession(request, reply, user);
    },
  );

  app.post('/api/auth/logout', { config: { access: 'session' }, schema: authApi['POST /api/auth/logout'] }, async (request, reply) => {
    const principal = principalOf(request);
    if (principal.kind === 'user') services.users.endSession(principal.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/api/auth/me', { config: { access: 'session' }, schema: authApi['GET /api/auth/me'] }, async (request, reply) => {
    const principal = principalOf(request);
    if (principal.kind !== 'user') throw new HttpError(403, 'Only a signed-in user has an account');
    return { user: principal.user, csrfToken: csrfToken(request, reply, principal.sessionId) };
  });

  app.post(
    '/api/auth/password',
    {
      config: { access: 'session', rateLimit: { max: services.config.auth.loginRatePerMinute, timeWindow: 60_000 } },
      schema: authApi['POST /api/auth/password'],
    },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.kind !== 'user') throw new HttpError(403, 'Only a signed-in user has a password');
      const { currentPassword, newPassword } = request.body;
      refuseWhileLocked(principal.user.username, request.ip, 'Too many failed attempts; try again later');
      const checked = await services.users.verify(principal.user.username, currentPassword);
      if (!checked) {
        services.loginThrottle.failed(principal.user.username, request.ip);
        throw new HttpError(401, 'The current password is wrong');
      }
      if (newPassword === currentPassword) throw new HttpError(400, 'The new password must differ from the current one');
      await services.users.setPassword(principal.user.id, newPassword, { mustChange: false });
      services.users.endSession(principal.sessionId);
      return startSession(request, reply, services.users.get(principal.user.id)!);
    },
  );
};
