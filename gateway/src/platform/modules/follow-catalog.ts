import type { Logger } from 'pino';
import type { EventBus } from '../events/bus.ts';
import type { LiveCatalog } from '../settings/live-catalog.ts';
import type { TopologyRepo } from '../settings/topology-repo.ts';
import type { SettingsHook } from '../settings/settings-hooks.ts';

/**
 * A catalog change applies live: the topology is rebuilt, every owner's hook applies it (in module order),
 * and screens are told. Until the catalog runs the hooks itself, this adapter keeps the previous configuration to hand them.
 */
export function followCatalog(deps: { catalog: LiveCatalog; topology: TopologyRepo; bus: EventBus; logger: Logger }, hooks: SettingsHook[]): () => void {
  const { catalog, topology, bus, logger } = deps;
  let previous = structuredClone(catalog.config);
  return catalog.onChange((next) => {
    const old = previous;
    previous = structuredClone(next);
    topology.sync(next.sites, next.points, next.devices);
    for (const hook of hooks) {
      const applied = hook.apply?.(old, next);
      if (applied) applied.catch((error: unknown) => logger.error({ err: error, owner: hook.owner }, 'a settings change was not applied'));
    }
    bus.emit('catalog:changed', { version: catalog.version });
  });
}
