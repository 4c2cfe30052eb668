import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Id } from '../../platform/http/schemas.ts';
import { MAX_CUSTOMERS } from '../../core/limits.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { RecordInstant, recordInstant } from '../../platform/http/record-instant.ts';
import { mayUseSite, requirePoint } from '../../platform/http/scope.ts';
import type { CustomersRepo } from './customers-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';

/** Customers served per point and period (for response rate, criticality and support): one at a time, or a CSV. */
export const customerRoutes: FastifyPluginAsyncTypebox<{ services: { customers: CustomersRepo; topology: TopologyRepo } }> = async (app, { services }) => {
  const siteOfPoint = (pointId: string) => services.topology.siteOfPoint(pointId);
  app.post(
    '/api/customers',
    {
      config: { access: 'traffic:write' },
      schema: {
        tags: ['traffic'],
        description: 'Customers served at a point in a period; the same period again replaces the count',
        body: Type.Object({ pointId: Id, from: RecordInstant, to: RecordInstant, count: Type.Integer({ minimum: 0, maximum: MAX_CUSTOMERS }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      requirePoint(request, siteOfPoint, request.body.pointId);
      const r = { pointId: request.body.pointId, from: recordInstant(request.body.from, 'from'), to: recordInstant(request.body.to, 'to'), count: request.body.count };
      const problem = services.customers.problem(r);
      if (problem) throw new HttpError(400, problem);
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
};
