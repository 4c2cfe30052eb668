import type { Logger } from 'pino';
import type { Config } from '../config/schema.ts';
import type { Db } from '../store/database.ts';
import type { StoreHealth } from '../store/store-health.ts';
import type { EventBus } from '../events/bus.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { LiveCatalog } from '../settings/live-catalog.ts';
import type { AuditRepo } from '../settings/audit-repo.ts';
import type { TopologyRepo } from '../settings/topology-repo.ts';
import type { UserRepo } from '../auth/user-repo.ts';
import type { TokenRepo } from '../auth/token-repo.ts';
import type { PrincipalSources } from '../auth/principal.ts';
import type { Mailer } from '../mail/mailer.ts';

/** What every module stands on, opened once by the composition root before any module is built. */
export interface PlatformParts {
  /** the running configuration; its catalog sections follow the live catalog */
  config: Config;
  catalog: LiveCatalog;
  audit: AuditRepo;
  db: Db;
  storeHealth: StoreHealth;
  bus: EventBus;
  metrics: Metrics;
  topology: TopologyRepo;
  users: UserRepo;
  tokens: TokenRepo;
  /** where sessions and tokens are looked up (access control and realtime) */
  principals: PrincipalSources;
  mailer: Mailer;
  logger: Logger;
  /** benchmarks only: store answers without rollups */
  withoutRollups: boolean;
  /** benchmarks only: store answers without `responses` and the response rollups */
  withoutResponses: boolean;
}
