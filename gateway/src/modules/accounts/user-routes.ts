import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../platform/http/errors.ts';
import { principalOf, requireKnownSites } from '../../platform/http/scope.ts';
import { principalName } from '../../platform/auth/principal.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import type { UserRepo } from '../../platform/auth/user-repo.ts';
import { userApi } from './user-api.ts';

/** User management, for admins: create, list, change role and sites, reset a password, delete. */
export const userRoutes: FastifyPluginAsyncTypebox<{ services: { users: UserRepo; topology: TopologyRepo } }> = async (
  app,
  { services },
) => {
  const knownSites = (sites: string[]) => requireKnownSites(services.topology.sites(), sites);
  const existing = (id: number) => {
    const user = services.users.get(id);
    if (!user) throw new HttpError(404, `No user ${id}`);
    return user;
  };
  const admins = () => services.users.list().filter((u) => u.role === 'admin').length;

  app.get('/api/users', { config: { access: 'admin' }, schema: userApi['GET /api/users'] }, async () => ({
    users: services.users.list(),
  }));

  app.post(
    '/api/users',
    {
      config: { access: 'admin' },
      schema: userApi['POST /api/users'],
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
      schema: userApi['PATCH /api/users/:id'],
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
      schema: userApi['POST /api/users/:id/password'],
    },
    async (request, reply) => {
      const user = existing(request.params.id);
      await services.users.setPassword(user.id, request.body.password, { mustChange: true });
      return reply.code(204).send(null);
    },
  );

  app.delete('/api/users/:id', { config: { access: 'admin' }, schema: userApi['DELETE /api/users/:id'] }, async (request, reply) => {
    const user = existing(request.params.id);
    if (user.role === 'admin' && admins() === 1) throw new HttpError(400, 'This is the last admin; make another admin first');
    services.users.delete(user.id);
    return reply.code(204).send(null);
  });
};
