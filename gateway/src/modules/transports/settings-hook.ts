import type { SettingsHook } from '../../platform/settings/settings-hooks.ts';
import type { Transports } from './start-transports.ts';

/**
 * Devices added, changed or removed while running: the broker lets in the devices there are now,
 * and off-the-shelf buttons get their handlers and subscriptions. Runs after the devices' own hook
 * (the registry is what it reads), so it is added after that one.
 */
export function transportsSettingsHook(transports: Pick<Transports, 'applySettings'>): SettingsHook {
  return { owner: 'transports', apply: () => transports.applySettings() };
}
