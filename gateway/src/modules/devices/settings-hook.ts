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

/** An off-the-shelf button's identity on the broker: its kind and its name there (a friendly name, a topic, a device id). */
const sourceKey = (source: { kind: string; name: string }) => `${source.kind}:${source.name}`;

/**
 * Why a device may not take its off-the-shelf source: another device already listens to the same
 * button (a second device of the same name would take its presses, at another point or site).
 */
function takenSource(device: Config['devices'][number], next: Config, old: Config): string | undefined {
  if (!device.source) return undefined;
  const before = old.devices.find((d) => d.id === device.id)?.source;
  if (before && sourceKey(before) === sourceKey(device.source)) return undefined;
  const other = next.devices.find((d) => d.id !== device.id && d.source && sourceKey(d.source) === sourceKey(device.source!));
  return other && `devices/${device.id}.source: ${device.source.kind} "${device.source.name}" is already device "${other.id}"`;
}

/**
 * Sites, points and devices changed: the topology tables and the device registry follow. Added
 * first, since the transports' and the alerts' hooks read what this one rebuilds. A new device may
 * not take a reserved id, nor a button another device already listens to, from whichever door it comes.
 */
export function devicesSettingsHook(topology: TopologyRepo, registry: DeviceRegistry): SettingsHook {
  return {
    owner: 'devices',
    validate: (old, next) => {
      const known = new Set(old.devices.map((d) => d.id));
      const refused = next.devices.flatMap((d) => {
        const why = known.has(d.id) ? undefined : reservedId(d.id, next);
        const taken = takenSource(d, next, old);
        return [...(why === undefined ? [] : [`devices/${d.id}.id: reserved (${why})`]), ...(taken === undefined ? [] : [taken])];
      });
      return refused.length > 0 ? refused.join('; ') : undefined;
    },
    apply: (_old, next) => {
      topology.sync(next.sites, next.points, next.devices);
      registry.load(next);
    },
  };
}
