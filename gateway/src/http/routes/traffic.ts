import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { HttpServices } from '../services.ts';
import { ErrorBody, Id, Text } from '../schemas.ts';
import { instantFromNumber, MAX_INSTANT, MIN_RECORD_INSTANT, parseInstant } from '../../domain/instant.ts';
import { MAX_CUSTOMERS } from '../../domain/limits.ts';
import { BadQuery } from '../index-query-schema.ts';
import { allowedSites, mayUseSite, requirePoint } from '../scope.ts';

const Instant = Type.Union([Type.Integer({ minimum: MIN_RECORD_INSTANT, maximum: MAX_INSTANT }), Type.String({ maxLength: 40 })]);
const instant = (v: number | string, name: string) => {
  const ms = typeof v === 'number' ? instantFromNumber(v) : parseInstant(v);
  if (Number.isNaN(ms) || ms < MIN_RECORD_INSTANT) throw new BadQuery(`"${name}" is not a real date-time between 2000 and 2100: ${v}`);
  return ms;
};

/** Customers served (for response rate, criticality and support), staff, and who works which shift. */
export const trafficRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const siteOfPoint = (pointId: string) => services.topology.siteOfPoint(pointId);
  app.post(
    '/api/customers',
    {
      config: { access: 'traffic:write' },
      schema: {
        tags: ['traffic'],
        description: 'Customers served at a point in a period; the same period again replaces the count',
        body: Type.Object({ pointId: Id, from: Instant, to: Instant, count: Type.Integer({ minimum: 0, maximum: MAX_CUSTOMERS }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      requirePoint(request, siteOfPoint, request.body.pointId);
      const r = { pointId: request.body.pointId, from: instant(request.body.from, 'from'), to: instant(request.body.to, 'to'), count: request.body.count };
      const problem = services.customers.problem(r);
      if (problem) throw new BadQuery(problem);
      services.customers.record(r, 'api');
      return reply.code(204).send(null);
    },
  );

  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.post(
    '/api/customers/import',
    {
      config: { access: 'traffic:write' },
      schema: {
        tags: ['traffic'],
        description: 'CSV (text/csv) with a header pointId,from,to,count; valid rows are stored, bad rows listed by line',
        consumes: ['text/csv'],
        body: Type.String(),
        response: { 200: Type.Object({ imported: Type.Integer(), errors: Type.Array(Type.Object({ line: Type.Integer(), message: Type.String() })) }) },
      },
    },
    async (request) => services.customers.importCsv(request.body, 'csv', (pointId) => mayUseSite(request, siteOfPoint(pointId) ?? '')),
  );

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

  const ShiftBody = Type.Object({ id: Type.Integer(), staffId: Type.String(), pointId: Type.String(), startsAt: Type.Integer(), endsAt: Type.Integer() });
  app.post(
    '/api/shifts',
    {
      config: { access: 'staff:write' },
      schema: {
        tags: ['staff'],
        description: 'Who serves at a point from when to when; answers in that time are attributed to them',
        body: Type.Object({ staffId: Id, pointId: Id, from: Instant, to: Instant }, { additionalProperties: false }),
        response: { 201: ShiftBody, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const { staffId, pointId } = request.body;
      const startsAt = instant(request.body.from, 'from');
      const endsAt = instant(request.body.to, 'to');
      if (startsAt >= endsAt) throw new BadQuery('"from" must be before "to"');
      if (!services.shifts.staff().some((s) => s.id === staffId)) throw new BadQuery(`no staff member "${staffId}"; PUT /api/staff/${staffId} first`);
      if (!siteOfPoint(pointId)) throw new BadQuery(`no point "${pointId}"`);
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
