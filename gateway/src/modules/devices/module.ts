import type { Feature } from '../../platform/modules/feature-module.ts';
import { routes } from '../../platform/modules/feature-module.ts';
import type { PlatformParts } from '../../platform/modules/platform-parts.ts';
import { storeProblem } from '../../platform/store/store-health.ts';
import { DeviceRegistry } from './device-registry.ts';
import { DeviceRepo } from './device-repo.ts';
import { deviceRoutes } from './device-routes.ts';
import { devicesSettingsHook } from './settings-hook.ts';

/** The device registry: who is configured, who was seen, their counts (written every 5 s and at stop). */
export function devicesModule(p: PlatformParts): Feature<{ devices: DeviceRegistry }> {
  const { config, db, logger } = p;
  const registry = new DeviceRegistry(new DeviceRepo(db), config.devicesPolicy.offlineAfterMs);
  registry.load(config);
  const flushCounts = () => {
    try {
      registry.flushCounts();
    } catch (error) {
      if (!storeProblem(error)) logger.error({ err: error }, 'device counts not written; kept for the next try');
    }
  };
  let countsTimer: NodeJS.Timeout | undefined;
  return {
    name: 'devices',
    services: { devices: registry },
    routes: [routes(deviceRoutes, { services: { devices: registry } })],
    // first of the modules: the topology and the registry, which the later owners read
    settingsHooks: [devicesSettingsHook(p.topology, registry)],
    start: () => {
      countsTimer = setInterval(flushCounts, 5000).unref();
    },
    stop: () => {
      clearInterval(countsTimer);
      if (db.open) flushCounts();
    },
  };
}
