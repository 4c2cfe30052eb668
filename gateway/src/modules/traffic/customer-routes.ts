import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../platform/http/errors.ts';
import { recordInstant } from '../../platform/http/record-instant.ts';
import { mayUseSite, requirePoint } from '../../platform/http/scope.ts';
import type { CustomersRepo } from './customers-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { customerApi } from './customer-api.ts';

/** Customers served per point and period (for response rate, criticality and support): one at a time, or a CSV. */
export const customerRoutes: FastifyPluginAsyncTypebox<{ services: { customers: CustomersRepo; topology: TopologyRepo } }> = async (
  app,
  { services },
) => {
  const siteOfPoint = (pointId: string) => services.topology.siteOfPoint(pointId);
  app.post(
    '/api/customers',
    {
      config: { access: 'traffic:write' },
      schema: customerApi['POST /api/customers'],
    },
    async (request, reply) => {
      requirePoint(request, siteOfPoint, request.body.pointId);
      const r = {
        pointId: request.body.pointId,
        from: recordInstant(request.body.from, 'from'),
        to: recordInstant(request.body.to, 'to'),
        count: request.body.count,
      };
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
      schema: customerApi['POST /api/customers/import'],
    },
    async (request) => services.customers.importCsv(request.body, 'csv', (pointId) => mayUseSite(request, siteOfPoint(pointId) ?? '')),
  );
};
