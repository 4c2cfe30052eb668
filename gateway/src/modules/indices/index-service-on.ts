import { IndexService } from './index-service.ts';
import type { IndexReader } from './index-reader.ts';
import { CountQuery } from '../../platform/rollups/count-query.ts';
import { ResponseCountQuery } from '../../platform/rollups/response-count-query.ts';
import { EmotionWindowRepo } from '../emotion/emotion-window-repo.ts';
import { ShiftRepo } from '../staff/shift-repo.ts';
import { CustomersRepo } from '../traffic/customers-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';

type Database = ConstructorParameters<typeof CountQuery>[0];

/**
 * The index reader over the gateway's SQLite file. better-sqlite3 answers synchronously; each method is
 * async so its result (or its error) arrives as a promise, as it will from a networked store.
 */
export function sqliteIndexReader(
  db: Database,
  topology: TopologyRepo,
  repos: { shifts?: ShiftRepo; customers?: CustomersRepo } = {},
): IndexReader {
  const counts = new CountQuery(db);
  const responses = new ResponseCountQuery(db);
  const emotions = new EmotionWindowRepo(db);
  const shifts = repos.shifts ?? new ShiftRepo(db);
  const customers = repos.customers ?? new CustomersRepo(db, (pointId) => topology.points().some((p) => p.id === pointId));
  return {
    counts: async (segments, filter, groupBy) => counts.counts(segments, filter, groupBy),
    responseCounts: async (segments, filter, groupBy) => responses.counts(segments, filter, groupBy),
    emotionTotals: async (filter) => emotions.totals(filter),
    pointsWorked: async (staffId, from, to) => shifts.pointsWorked(staffId, from, to),
    customerPeriods: async (pointIds, from, to) => customers.periodsOverlapping(pointIds, from, to),
    shifts: async (pointIds, from, to, staffId) => shifts.overlapping(pointIds, from, to, staffId),
  };
}

/** The index service over one database, with every source it reads (the gateway, tests and the benchmark build it the same way). */
export function indexServiceOn(
  db: Database,
  topology: TopologyRepo,
  options: ConstructorParameters<typeof IndexService>[2],
  repos: { shifts?: ShiftRepo; customers?: CustomersRepo } = {},
): IndexService {
  return new IndexService(topology, sqliteIndexReader(db, topology, repos), options);
}
