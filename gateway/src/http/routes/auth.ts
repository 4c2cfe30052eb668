import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { HttpServices } from '../services.ts';
import { ErrorBody } from '../schemas.ts';
import { bearerToken } from '../auth-hook.ts';

const UserBody = Type.Object({ id: Type.Integer(), username: Type.String(), role: Type.String() });

export const authRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        body: Type.Object(
          { username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ token: Type.String(), expiresAt: Type.Integer(), user: UserBody }),
          401: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const session = await services.users.login(request.body.username, request.body.password);
      if (!session) {
        request.log.info({ username: request.body.username }, 'failed login');
        return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'Wrong user name or password' });
      }
      return session;
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 204: Type.Null() } } }, async (request, reply) => {
    const token = bearerToken(request);
    if (token) services.users.logout(token);
    return reply.code(204).send(null);
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: UserBody } } }, async (request) => request.user!);
};
