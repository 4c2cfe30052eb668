import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Id } from '../../platform/http/schemas.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { RecordInstant, recordInstant } from '../../platform/http/record-instant.ts';
import { allowedSites, requirePoint } from '../../platform/http/scope.ts';
import type { Shift } from './shift-repo.ts';
import type { ShiftRepo } from './shift-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';

/** Who works which shift at which point. */
export const shiftRoutes: FastifyPluginAsyncTypebox<{ services: { shifts: ShiftRepo; topology: TopologyRepo } }> = async (app, { services }) => {
  const siteOfPoint = (pointId: string) => services.topology.siteOfPoint(pointId);
  const ShiftBody = Type.Object({ id: Type.Integer(), staffId: Type.String(), pointId: Type.String(), startsAt: Type.Integer(), endsAt: Type.Integer() });
  app.post(
    '/api/shifts',
    {
      config: { access: 'staff:write' },
      schema: {
        tags: ['staff'],
        description: 'Who serves at a point from when to when; answers in that time are attributed to them',
        body: Type.Object({ staffId: Id, pointId: Id, from: RecordInstant, to: RecordInstant }, { additionalProperties: false }),
        response: { 201: ShiftBody, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const { staffId, pointId } = request.body;
      const startsAt = recordInstant(request.body.from, 'from');
      const endsAt = recordInstant(request.body.to, 'to');
      if (startsAt >= endsAt) throw new HttpError(400, '"from" must be before "to"');
      if (!services.shifts.staff().some((s) => s.id === staffId)) throw new HttpError(400, `no staff member "${staffId}"; PUT /api/staff/${staffId} first`);
      if (!siteOfPoint(pointId)) throw new HttpError(400, `no point "${pointId}"`);
      requirePoint(request, siteOfPoint, pointId);
      return reply.code(201).send(services.shifts.addShift({ staffId, pointId, startsAt, endsAt }));
    },
  );

  app.get(
    '/api/shifts',
    {
      config: { access: 'staff:read' },
      schema: {
        tags: ['staff'],
        description: 'Shifts, optionally of one point and only those overlapping [from, to)',
        querystring: Type.Object({ pointId: Type.Optional(Id), from: Type.Optional(RecordInstant), to: Type.Optional(RecordInstant) }, { additionalProperties: false }),
        response: { 200: Type.Object({ shifts: Type.Array(ShiftBody) }), 400: ErrorBody },
      },
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
