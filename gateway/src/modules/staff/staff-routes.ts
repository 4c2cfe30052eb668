import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Id, Text } from '../../platform/http/schemas.ts';
import type { ShiftRepo } from './shift-repo.ts';

/** Staff members (answers are attributed to whoever is on shift). */
export const staffRoutes: FastifyPluginAsyncTypebox<{ services: { shifts: ShiftRepo } }> = async (app, { services }) => {
  app.put(
    '/api/staff/:staffId',
    {
      config: { access: 'staff:write' },
      schema: { tags: ['staff'], params: Type.Object({ staffId: Id }), body: Type.Object({ name: Text(200, { minLength: 1 }) }, { additionalProperties: false }), response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      services.shifts.upsertStaff(request.params.staffId, request.body.name);
      return reply.code(204).send(null);
    },
  );

  app.get('/api/staff', { config: { access: 'staff:read' }, schema: { tags: ['staff'], response: { 200: Type.Object({ staff: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }) } } }, async () => ({
    staff: services.shifts.staff(),
  }));
};
