import type { SettingsHook } from '../../platform/settings/settings-hooks.ts';
import type { EventBus } from '../../platform/events/bus.ts';

/** Screens reload the settings they show once every other owner has applied a change: added last. */
export function screensSettingsHook(bus: EventBus, version: () => number): SettingsHook {
  return { owner: 'screens', apply: () => bus.emit('catalog:changed', { version: version() }) };
}
