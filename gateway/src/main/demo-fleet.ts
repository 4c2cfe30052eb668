import type { Logger } from 'pino';
import { ButtonFleet } from '@feedback/firmware-protocol';
import type { Config } from '../platform/config/schema.ts';
import { DEMO_SITE_ID, DEMO_POINT_ID, DEMO_DEVICE_PASSWORD } from './demo-topology.ts';

/** Demo mode: simulated buttons pressing over MQTT on the demo point. Returns their stop. */
export async function startDemoFleet(config: Config, mqttUrl: string, logger: Logger): Promise<() => Promise<void>> {
  const fleet = new ButtonFleet({
    brokerUrl: mqttUrl,
    siteId: DEMO_SITE_ID,
    buttons: 4,
    topicPrefix: config.mqtt.topicPrefix,
    deviceIds: config.devices.filter((d) => d.pointId === DEMO_POINT_ID).map((d) => d.id),
    password: DEMO_DEVICE_PASSWORD,
    pressesPerMinute: config.demo.pressesPerMinute,
    onError: (error) => logger.warn({ err: error }, 'demo device error'),
  });
  await fleet.start();
  logger.info({ devices: fleet.buttons.length }, 'demo mode: simulated buttons are pressing');
  return () => fleet.stop();
}
