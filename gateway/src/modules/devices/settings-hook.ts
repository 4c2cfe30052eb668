import { PHONE_DEVICE_PREFIX } from '../../core/channel.ts';
import type { Config } from '../../platform/config/schema.ts';
import type { SettingsHook } from '../../platform/settings/settings-hooks.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import type { DeviceRegistry } from './device-registry.ts';

/**
 * Why a new device may not take this id: the phone channel's ids name another point (a device named
 * so would claim that point's phone answers as duplicates, and its notes), and a broker user's name
 * belongs to a chain-wide integration (a POS, the zigbee2mqtt bridge) a device must not shadow.
 */
function reservedId(id: string, config: Config): string | undefined {
  if (id.startsWith(PHONE_DEVICE_PREFIX)) return `ids starting with "${PHONE_DEVICE_PREFIX}" are the phone channel's`;
  if (config.mqtt.embedded.users.some((u) => u.username === id)) return 'it is the user name of a broker user';
  if (config.mqtt.username === id) return "it is the gateway's own broker user name";
  return undefined;
}

/**
 * Sites, points and devices changed: the topology tables and the device registry follow. Added
 * first, since the transports' and the alerts' hooks read what this one rebuilds. A new device may
 * not take a reserved id, from whichever door it comes.
 */
export function devicesSettingsHook(topology: TopologyRepo, registry: DeviceRegistry): SettingsHook {
  return {
    owner: 'devices',
    validate: (old, next) => {
      const known = new Set(old.devices.map((d) => d.id));
      const refused = next.devices.flatMap((d) => {
        const why = known.has(d.id) ? undefined : reservedId(d.id, next);
        return why === undefined ? [] : [`devices/${d.id}.id: reserved (${why})`];
      });
      return refused.length > 0 ? refused.join('; ') : undefined;
    },
    apply: (_old, next) => {
      topology.sync(next.sites, next.points, next.devices);
      registry.load(next);
    },
  };
}
