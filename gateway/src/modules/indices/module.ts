import type { Feature } from '../../platform/modules/feature-module.ts';
import { routes } from '../../platform/modules/feature-module.ts';
import type { PlatformParts } from '../../platform/modules/platform-parts.ts';
import type { DeviceInbox } from '../../core/device-inbox.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import type { ShiftRepo } from '../staff/shift-repo.ts';
import type { CustomersRepo } from '../traffic/customers-repo.ts';
import type { IndexService } from './index-service.ts';
import { indexServiceOn } from './index-service-on.ts';
import { PointSummaries } from './point-summaries.ts';
import { pointRoutes } from './point-routes.ts';
import { indexRoutes } from './index-routes.ts';
import { overviewRoutes } from './overview-routes.ts';

/** The indices computed from the rollups, per point, site and period, and each point's summary. */
export function indicesModule(
  p: PlatformParts,
  deps: { shifts: ShiftRepo; customers: CustomersRepo; inbox: DeviceInbox; devices: DeviceRegistry },
): Feature<{ indices: IndexService; summaries: PointSummaries }> {
  const { config, topology } = p;
  const { devices, inbox } = deps;
  const options = { minAnswers: config.indices.minAnswers, minFaces: config.indices.minFaces, surveys: config.surveys };
  const indices = indexServiceOn(p.db, topology, options, { shifts: deps.shifts, customers: deps.customers });
  const summaries = new PointSummaries(topology, indices);
  return {
    name: 'indices',
    services: { indices, summaries },
    routes: [
      routes(pointRoutes, { services: { config, topology, summaries, inbox } }),
      routes(indexRoutes, { services: { indices, topology, devices } }),
      routes(overviewRoutes, { services: { indices, topology, devices } }),
    ],
  };
}
