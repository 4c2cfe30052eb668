import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { parseInstant } from '../../core/instant.ts';
import { BadQuery, queryLookup } from '../indices/index-query-schema.ts';
import { allowedSites, requirePoint, requireSite } from '../../platform/http/scope.ts';
import type { AnswerExport } from './answer-export-repo.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { exportApi } from './export-api.ts';

export const exportRoutes: FastifyPluginAsyncTypebox<{
  services: { exports: AnswerExport; topology: TopologyRepo; devices: DeviceRegistry };
}> = async (app, { services }) => {
  const lookup = queryLookup(services);
  app.get(
    '/api/export/answers.:format',
    {
      config: { access: 'answers:read' },
      schema: exportApi['GET /api/export/answers.:format'],
    },
    async (request, reply) => {
      const from = parseInstant(request.query.from);
      const to = parseInstant(request.query.to);
      if (Number.isNaN(from) || Number.isNaN(to) || from >= to) throw new BadQuery('"from" and "to" must be times, "from" first');
      if (request.query.siteId) requireSite(request, request.query.siteId);
      if (request.query.pointId) requirePoint(request, (p) => services.topology.siteOfPoint(p), request.query.pointId);
      const { channel } = request.query;
      const filter = {
        siteId: request.query.siteId,
        siteIds: allowedSites(request),
        pointId: request.query.pointId,
        deviceId: request.query.deviceId,
        surveyId: request.query.surveyId,
        ...(channel ? { deviceIds: lookup.devicesOfChannel(channel) } : {}),
        from,
        to,
      };
      const name = `answers-${new Date(from).toISOString().slice(0, 10)}-${new Date(to).toISOString().slice(0, 10)}`;
      if (request.params.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(services.exports.csv(filter));
      }
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(services.exports.xlsx(filter));
    },
  );
};
