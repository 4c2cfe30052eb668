import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Id, Password, RoleSchema, UserBody, UserName } from '../../platform/http/schemas.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { principalOf, requireKnownSites } from '../../platform/http/scope.ts';
import { principalName } from '../../platform/auth/principal.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import type { UserRepo } from '../../platform/auth/user-repo.ts';

const UserIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** User management, for admins: create, list, change role and sites, reset a password, delete. */
export const userRoutes: FastifyPluginAsyncTypebox<{ services: { users: UserRepo; topology: TopologyRepo } }> = async (app, { services }) => {
  const knownSites = (sites: string[]) => requireKnownSites(services.topology.sites(), sites);
  const existing = (id: number) => {
    const user = services.users.get(id);
    if (!user) throw new HttpError(404, `No user ${id}`);
    return user;
  };
  const admins = () => services.users.list().filter((u) => u.role === 'admin').length;

  app.get('/api/users', { config: { access: 'admin' }, schema: { tags: ['users'], response: { 200: Type.Object({ users: Type.Array(UserBody) }) } } }, async () => ({
    users: services.users.list(),
  }));

  app.post(
    '/api/users',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        description: 'A new user; mustChangePassword (default true) makes them choose their own password at first sign-in',
        body: Type.Object(
          { username: UserName, password: Password, role: RoleSchema, sites: Type.Array(Id, { default: [], maxItems: 1000 }), mustChangePassword: Type.Boolean({ default: true }) },
          { additionalProperties: false },
        ),
        response: { 201: UserBody, 400: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const body = request.body;
      knownSites(body.sites);
      if (services.users.byName(body.username)) throw new HttpError(409, `User "${body.username}" exists already`);
      const user = await services.users.create(body);
      request.log.info({ user: user.username, role: user.role, by: principalName(principalOf(request)) }, 'user created');
      return reply.code(201).send(user);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        description: "Changes a user's role or sites; the user is signed out everywhere and signs in again",
        params: UserIdParams,
        body: Type.Object({ role: Type.Optional(RoleSchema), sites: Type.Optional(Type.Array(Id, { maxItems: 1000 })) }, { additionalProperties: false }),
        response: { 200: UserBody, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const user = existing(request.params.id);
      if (request.body.sites) knownSites(request.body.sites);
      if (user.role === 'admin' && request.body.role !== undefined && request.body.role !== 'admin' && admins() === 1) {
        throw new HttpError(400, 'This is the last admin; make another admin first');
      }
      services.users.update(user.id, request.body);
      return services.users.get(user.id)!;
    },
  );

  app.post(
    '/api/users/:id/password',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        description: 'Sets a new password for a user (who must change it at next sign-in); their sessions end',
        params: UserIdParams,
        body: Type.Object({ password: Password }, { additionalProperties: false }),
        response: { 204: Type.Null(), 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const user = existing(request.params.id);
      await services.users.setPassword(user.id, request.body.password, { mustChange: true });
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/users/:id',
    { config: { access: 'admin' }, schema: { tags: ['users'], params: UserIdParams, response: { 204: Type.Null(), 400: ErrorBody, 404: ErrorBody } } },
    async (request, reply) => {
      const user = existing(request.params.id);
      if (user.role === 'admin' && admins() === 1) throw new HttpError(400, 'This is the last admin; make another admin first');
      services.users.delete(user.id);
      return reply.code(204).send(null);
    },
  );
};
