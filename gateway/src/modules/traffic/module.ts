import type { Feature } from '../../platform/modules/feature-module.ts';
import { routes } from '../../platform/modules/feature-module.ts';
import type { PlatformParts } from '../../platform/modules/platform-parts.ts';
import { CustomersRepo } from './customers-repo.ts';
import { customerRoutes } from './customer-routes.ts';

/** Customer counts per point (door counters), the denominator of the response rate. */
export function trafficModule(p: PlatformParts): Feature<{ customers: CustomersRepo }> {
  const { topology } = p;
  const customers = new CustomersRepo(p.db, (pointId) => topology.points().some((point) => point.id === pointId));
  return {
    name: 'traffic',
    services: { customers },
    routes: [routes(customerRoutes, { services: { customers, topology } })],
  };
}
