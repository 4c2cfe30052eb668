import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../platform/http/errors.ts';
import { recordInstant } from '../../platform/http/record-instant.ts';
import { allowedSites, requirePoint } from '../../platform/http/scope.ts';
import type { Shift } from './shift-repo.ts';
import type { ShiftRepo } from './shift-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { shiftApi } from './shift-api.ts';

/** Who works which shift at which point. */
export const shiftRoutes: FastifyPluginAsyncTypebox<{ services: { shifts: ShiftRepo; topology: TopologyRepo } }> = async (
  app,
  { services },
) => {
  const siteOfPoint = (pointId: string) => services.topology.siteOfPoint(pointId);
  app.post(
    '/api/shifts',
    {
      config: { access: 'staff:write' },
      schema: shiftApi['POST /api/shifts'],
    },
    async (request, reply) => {
      const { staffId, pointId } = request.body;
      const startsAt = recordInstant(request.body.from, 'from');
      const endsAt = recordInstant(request.body.to, 'to');
      if (startsAt >= endsAt) throw new HttpError(400, '"from" must be before "to"');
      if (!services.shifts.staff().some((s) => s.id === staffId))
        throw new HttpError(400, `no staff member "${staffId}"; PUT /api/staff/${staffId} first`);
      if (!siteOfPoint(pointId)) throw new HttpError(400, `no point "${pointId}"`);
      requirePoint(request, siteOfPoint, pointId);
      return reply.code(201).send(services.shifts.addShift({ staffId, pointId, startsAt, endsAt }));
    },
  );

  app.get(
    '/api/shifts',
    {
      config: { access: 'staff:read' },
      schema: shiftApi['GET /api/shifts'],
    },
    async (request) => {
      const { pointId } = request.query;
      if (pointId) requirePoint(request, siteOfPoint, pointId);
      const from = request.query.from === undefined ? -Infinity : recordInstant(request.query.from, 'from');
      const to = request.query.to === undefined ? Infinity : recordInstant(request.query.to, 'to');
      if (from >= to) throw new HttpError(400, '"from" must be before "to"');
      const sites = allowedSites(request);
      const visible = (s: Shift) => (!sites || sites.includes(siteOfPoint(s.pointId) ?? '')) && s.startsAt < to && s.endsAt > from;
      return { shifts: services.shifts.shifts(pointId).filter(visible) };
    },
  );
};
