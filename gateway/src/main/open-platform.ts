import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../platform/config/schema.ts';
import { openDatabase, closeDatabase, probeWrite } from '../platform/store/database.ts';
import { lockDataDir, prepareDataDir } from '../platform/store/data-dir.ts';
import { StoreHealth } from '../platform/store/store-health.ts';
import { TopologyRepo } from '../platform/settings/topology-repo.ts';
import { LiveCatalog } from '../platform/settings/live-catalog.ts';
import { CatalogRepo } from '../platform/settings/catalog-repo.ts';
import { AuditRepo } from '../platform/settings/audit-repo.ts';
import { timeZoneHook } from '../platform/rollups/time-zone-hook.ts';
import { EventBus } from '../platform/events/bus.ts';
import { createMetrics } from '../platform/metrics/metrics.ts';
import { UserRepo } from '../platform/auth/user-repo.ts';
import { TokenRepo } from '../platform/auth/token-repo.ts';
import { installationSecret } from '../platform/auth/installation-secret.ts';
import { ensureFirstAdmin } from '../platform/auth/first-admin.ts';
import { Mailer } from '../platform/mail/mailer.ts';
import type { PlatformParts } from '../platform/modules/platform-parts.ts';
import { demoEnabled, withDemoTopology } from './demo-topology.ts';

export const DATABASE_FILE = 'feedback.db';

export interface OpenedPlatform {
  parts: PlatformParts;
  /** keys the CSRF tokens' HMAC */
  csrfKey: Buffer;
  /** set when a first admin password was generated into the data folder */
  initialPasswordFile: string | undefined;
  /** whether the simulated buttons run (decided once, at start) */
  demo: boolean;
}

/** Opens what every module stands on: the data folder, store, live settings, auth, bus, metrics and mail. Each part's stop is pushed on `stops`. */
export async function openPlatform(
  baseConfig: Config,
  options: { logger: Logger; withoutRollups: boolean; withoutResponses: boolean },
  stops: (() => Promise<void> | void)[],
): Promise<OpenedPlatform> {
  const { logger } = options;
  const dataDir = resolve(baseConfig.dataDir);
  prepareDataDir(dataDir);
  const lock = lockDataDir(dataDir);
  stops.push(() => lock.release());
  const db = openDatabase(join(dataDir, DATABASE_FILE), undefined, baseConfig.store);
  stops.push(() => closeDatabase(db));
  // The catalog (sites, points, devices, surveys, alert rules, webhooks) lives in the database; the file seeds it once.
  const audit = new AuditRepo(db);
  let demo: boolean | undefined;
  const catalog = new LiveCatalog({
    repo: new CatalogRepo(db),
    audit,
    file: baseConfig,
    decorate: (merged) => {
      // decided once, at start: the simulated buttons run (or not) until the next start
      demo ??= demoEnabled(merged);
      return demo ? withDemoTopology(merged) : merged;
    },
    onApplyError: (owner, error) => logger.error({ err: error, owner }, 'a settings change was stored but not applied by its owner'),
  });
  const config = catalog.config;
  const storeHealth = new StoreHealth(logger.child({ part: 'store' }), { probe: () => probeWrite(db) });
  stops.push(() => storeHealth.close());
  const topology = new TopologyRepo(db);
  topology.sync(config.sites, config.points, config.devices);
  // the rollups' rule: a site's time zone places its answers in local days, so it cannot move once answers are counted
  stops.push(catalog.addHook(timeZoneHook(topology)));
  // auth alone announces ended sessions and revoked tokens on the bus (their live sockets close)
  const bus = new EventBus();
  const users = new UserRepo(db, { sessionMs: config.auth.sessionHours * 3600_000, bus });
  stops.push(() => users.close());
  const tokens = new TokenRepo(db, bus);
  const principals = {
    users,
    tokens,
    siteOfPoint: (pointId: string) => topology.siteOfPoint(pointId),
    siteOfDevice: (deviceId: string) => topology.siteOfDevice(deviceId),
  };
  const initialPasswordFile = await ensureFirstAdmin(users, dataDir, config.auth.initialAdminPassword);
  const mailer = new Mailer(config.mail, logger.child({ part: 'mail' }));
  stops.push(() => mailer.close());
  const parts: PlatformParts = {
    config,
    catalog,
    audit,
    db,
    storeHealth,
    bus,
    metrics: createMetrics(),
    topology,
    users,
    tokens,
    principals,
    mailer,
    logger,
    withoutRollups: options.withoutRollups,
    withoutResponses: options.withoutResponses,
  };
  return { parts, csrfKey: installationSecret(dataDir), initialPasswordFile, demo: demo === true };
}
