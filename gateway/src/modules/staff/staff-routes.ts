import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ShiftRepo } from './shift-repo.ts';
import { staffApi } from './staff-api.ts';

/** Staff members (answers are attributed to whoever is on shift). */
export const staffRoutes: FastifyPluginAsyncTypebox<{ services: { shifts: ShiftRepo } }> = async (app, { services }) => {
  app.put(
    '/api/staff/:staffId',
    {
      config: { access: 'staff:write' },
      schema: staffApi['PUT /api/staff/:staffId'],
    },
    async (request, reply) => {
      services.shifts.upsertStaff(request.params.staffId, request.body.name);
      return reply.code(204).send(null);
    },
  );

  app.get('/api/staff', { config: { access: 'staff:read' }, schema: staffApi['GET /api/staff'] }, async () => ({
    staff: services.shifts.staff(),
  }));
};
