import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { allowedSites, principalOf, requireSite } from '../../platform/http/scope.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { recordInstant } from '../../platform/http/record-instant.ts';
import { principalName } from '../../platform/auth/principal.ts';
import type { ReportService } from './report-service.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { reportApi } from './report-api.ts';

const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const MAX_PERIOD_MS = 366 * 86_400_000;

/** Reports: the weekly ones the scheduler made and any period on demand, each as HTML, PDF and XLSX. */
export const reportRoutes: FastifyPluginAsyncTypebox<{ services: { reports: ReportService; topology: TopologyRepo } }> = async (
  app,
  { services },
) => {
  app.get(
    '/api/reports',
    {
      config: { access: 'cases:read' },
      schema: reportApi['GET /api/reports'],
    },
    async (request) => {
      const { siteId, limit } = request.query;
      if (siteId) requireSite(request, siteId);
      return { reports: services.reports.repo.list(siteId ? [siteId] : allowedSites(request), limit) };
    },
  );

  app.post(
    '/api/reports',
    {
      config: { access: 'cases:write' },
      schema: reportApi['POST /api/reports'],
    },
    async (request, reply) => {
      const { siteId } = request.body;
      requireSite(request, siteId);
      const site = services.topology.sites().find((s) => s.id === siteId);
      if (!site) throw new HttpError(404, `No site "${siteId}"`);
      const from = recordInstant(request.body.from, 'from');
      const to = recordInstant(request.body.to, 'to');
      if (to <= from) throw new HttpError(400, '"to" must be after "from"');
      if (to - from > MAX_PERIOD_MS) throw new HttpError(400, 'A report covers at most 366 days');
      const report = await services.reports.make(site, 'on_demand', from, to, principalName(principalOf(request)));
      return reply.code(201).send(report!);
    },
  );

  app.get(
    '/api/reports/:id/report.:format',
    {
      config: { access: 'cases:read' },
      schema: reportApi['GET /api/reports/:id/report.:format'],
    },
    async (request, reply) => {
      const report = services.reports.repo.get(request.params.id);
      if (!report) throw new HttpError(404, `No report ${request.params.id}`);
      requireSite(request, report.siteId);
      const file = services.reports.repo.file(report.id, request.params.format);
      if (!file)
        throw new HttpError(
          404,
          `Report ${report.id} has no ${request.params.format} (${report.status}${report.error ? `: ${report.error}` : ''})`,
        );
      const name = `report-${report.siteId}-${report.id}.${request.params.format}`;
      reply
        .header('content-type', CONTENT_TYPES[request.params.format])
        .header('content-disposition', `${request.params.format === 'html' ? 'inline' : 'attachment'}; filename="${name}"`);
      // The page carries its own inline style and nothing else: no script may run in it.
      if (request.params.format === 'html')
        reply.header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
        );
      return reply.send(file);
    },
  );
};
