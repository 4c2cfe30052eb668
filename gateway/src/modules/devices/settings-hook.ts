import type { SettingsHook } from '../../platform/settings/settings-hooks.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import type { DeviceRegistry } from './device-registry.ts';

/**
 * Sites, points and devices changed: the topology tables and the device registry follow. Added
 * first, since the transports' and the alerts' hooks read what this one rebuilds.
 */
export function devicesSettingsHook(topology: TopologyRepo, registry: DeviceRegistry): SettingsHook {
  return {
    owner: 'devices',
    apply: (_old, next) => {
      topology.sync(next.sites, next.points, next.devices);
      registry.load(next);
    },
  };
}
