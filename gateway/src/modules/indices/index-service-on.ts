import { IndexService } from './index-service.ts';
import { CountQuery } from '../../platform/rollups/count-query.ts';
import { EmotionWindowRepo } from '../emotion/emotion-window-repo.ts';
import { ShiftRepo } from '../staff/shift-repo.ts';
import { CustomersRepo } from '../traffic/customers-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';

type Database = ConstructorParameters<typeof CountQuery>[0];

/** The index service over one database, with every source it reads (the gateway, tests and the benchmark build it the same way). */
export function indexServiceOn(
  db: Database,
  topology: TopologyRepo,
  options: ConstructorParameters<typeof IndexService>[2],
  repos: { shifts?: ShiftRepo; customers?: CustomersRepo } = {},
): IndexService {
  const shifts = repos.shifts ?? new ShiftRepo(db);
  const customers = repos.customers ?? new CustomersRepo(db, (pointId) => topology.points().some((p) => p.id === pointId));
  return new IndexService(topology, {
    counts: new CountQuery(db),
    emotions: new EmotionWindowRepo(db),
    pointsWorked: (staffId, from, to) => shifts.pointsWorked(staffId, from, to),
    customersServed: (pointIds, from, to) => customers.servedAt(pointIds, from, to),
  }, options);
}
