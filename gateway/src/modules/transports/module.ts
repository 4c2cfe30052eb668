import type { Feature } from '../../platform/modules/feature-module.ts';
import type { PlatformParts } from '../../platform/modules/platform-parts.ts';
import type { DeviceInbox } from '../../core/device-inbox.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import type { SurveyCodeIssuer } from './adapters/survey-codes-mqtt.ts';
import { startTransports, type Transports } from './start-transports.ts';
import { transportsSettingsHook } from './settings-hook.ts';

/** How devices reach the gateway: the embedded MQTT broker (or an external one), serial, and off-the-shelf buttons. */
export function transportsModule(
  p: PlatformParts,
  deps: { inbox: DeviceInbox; devices: DeviceRegistry; surveyCodes: SurveyCodeIssuer },
): Feature<{ mqttUrl: () => string; brokerConnected: () => boolean }> {
  const { devices } = deps;
  const { tokens } = p;
  // the devices the embedded broker lets in: read again when the settings change
  const brokerDevices = () => devices.all().map((d) => ({ id: d.id, siteId: d.siteId, password: d.mqttPassword }));
  let running: Transports | undefined;
  const started = (): Transports => {
    if (!running) throw new Error('the transports are not started');
    return running;
  };
  return {
    name: 'transports',
    services: { mqttUrl: () => started().mqttUrl, brokerConnected: () => started().mqtt.connected },
    // after the devices' hook (module order): handlers, broker users and subscriptions re-read from the registry
    settingsHooks: [transportsSettingsHook({ applySettings: () => started().applySettings() })],
    start: async () => {
      running = await startTransports(p.config, {
        inbox: deps.inbox,
        logger: p.logger,
        brokerDevices,
        surveyCodes: deps.surveyCodes,
        deviceSecretValid: (id, secret) => tokens.deviceSecretValid(id, secret),
      });
    },
    stop: () => running?.stop(),
  };
}
