import type { SettingsHook } from '../../platform/settings/settings-hooks.ts';
import { rulesOf, type AlertEngine } from './alert-engine.ts';

/** Alert rules and the evaluation interval changed (by the API or an import): the engine judges the new ones at the new pace. */
export function alertsSettingsHook(engine: Pick<AlertEngine, 'reconfigure'>): SettingsHook {
  return {
    owner: 'alerts',
    apply: (_old, next) => engine.reconfigure(rulesOf(next.alerts), next.alerts.evaluateEveryMs),
  };
}
