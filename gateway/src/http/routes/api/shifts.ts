import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { HttpServices } from '../../services.ts';
import { ErrorBody, Id } from '../../schemas.ts';
import { HttpError } from '../../errors.ts';
import { RecordInstant, recordInstant } from '../../record-instant.ts';
import { allowedSites, requirePoint } from '../../scope.ts';

/** Who works which shift at which point. */
export const shiftRoutes: FastifyPluginAsyncTypebox<{ services: Pick<HttpServices, 'shifts' | 'topology'> }> = async (app, { services }) => {
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
    { config: { access: 'staff:read' }, schema: { tags: ['staff'], querystring: Type.Object({ pointId: Type.Optional(Id) }), response: { 200: Type.Object({ shifts: Type.Array(ShiftBody) }) } } },
    async (request) => {
      if (request.query.pointId) requirePoint(request, siteOfPoint, request.query.pointId);
      const sites = allowedSites(request);
      return { shifts: services.shifts.shifts(request.query.pointId).filter((s) => !sites || sites.includes(siteOfPoint(s.pointId) ?? '')) };
    },
  );
};
