import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireSite } from '../../platform/http/scope.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { MIN_GROUP, pulseWeeks } from './pulse-summary.ts';
import type { PulseRepo } from './pulse-repo.ts';
import type { ShiftRepo } from './shift-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { pulseApi } from './pulse-api.ts';

/** The staff pulse of a site by week: eNPS and the drained share, only for groups large enough to stay anonymous. */
export const pulseRoutes: FastifyPluginAsyncTypebox<{ services: { pulse: PulseRepo; shifts: ShiftRepo; topology: TopologyRepo } }> = async (
  app,
  { services },
) => {
  app.get(
    '/api/pulse',
    {
      config: { access: 'staff:read' },
      schema: pulseApi['GET /api/pulse'],
    },
    async (request) => {
      const { siteId, weeks } = request.query;
      requireSite(request, siteId);
      const site = services.topology.sites().find((s) => s.id === siteId);
      if (!site) throw new HttpError(404, `No site "${siteId}"`);
      const pointIds = services.topology
        .points()
        .filter((p) => p.siteId === siteId)
        .map((p) => p.id);
      const view = pulseWeeks(
        { pulse: services.pulse, staffOnShift: (from, to) => services.shifts.staffOnShift(pointIds, from, to) },
        site.timeZone,
        siteId,
        Date.now(),
        weeks,
      );
      return { minGroup: MIN_GROUP, weeks: view };
    },
  );
};
