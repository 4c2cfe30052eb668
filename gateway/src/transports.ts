import type { Logger } from 'pino';
import type { Config } from './config/schema.ts';
import type { Ingest } from './ingest/ingest.ts';
import type { DeviceRegistry } from './devices/device-registry.ts';
import type { DropLog } from './adapters/drop-log.ts';
import { startEmbeddedBroker, type EmbeddedBroker } from './broker/embedded-broker.ts';
import { BrokerAcl } from './broker/broker-acl.ts';
import { MqttAdapter } from './adapters/mqtt-adapter.ts';
import { clientConnection, localConnection } from './broker/mqtt-connection.ts';
import { SerialAdapter } from './adapters/serial-adapter.ts';
import { offTheShelfHandlers } from './adapters/off-the-shelf.ts';
import { unlessStoreUnavailable } from './store/store-health.ts';

export interface Transports {
  mqttUrl: string;
  mqtt: MqttAdapter;
  serial: SerialAdapter;
  stop(): Promise<void>;
}

/** Starts the embedded broker (unless an external one is configured) and every device adapter. */
export async function startTransports(
  config: Config,
  deps: {
    ingest: Ingest;
    registry: DeviceRegistry;
    drops: DropLog;
    logger: Logger;
    deviceSecretValid?: (deviceId: string, secret: Buffer) => boolean;
    extra?: [string, (topic: string, payload: Buffer) => void][];
  },
): Promise<Transports> {
  const { logger, drops } = deps;
  const stops: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
    stops.length = 0;
  };
  try {
    let broker: EmbeddedBroker | undefined;
    if (!config.mqtt.url) {
      const embedded = config.mqtt.embedded;
      const acl =
        embedded.auth === 'devices'
          ? new BrokerAcl({
              topicPrefix: config.mqtt.topicPrefix,
              devices: deps.registry.all().map((d) => ({ id: d.id, siteId: d.siteId, password: d.mqttPassword })),
              users: embedded.users,
              deviceSecretValid: deps.deviceSecretValid,
            })
          : undefined;
      broker = await startEmbeddedBroker({
        host: embedded.host,
        port: embedded.port,
        acl,
        limits: embedded,
        onDenied: (reason, who) => drops.drop(reason, who),
      });
      stops.push(() => broker?.close());
      logger.info({ url: broker.url, auth: embedded.auth }, 'embedded MQTT broker listening');
    }
    const mqttUrl = config.mqtt.url ?? broker!.url;
    const connection = broker
      ? localConnection(broker.aedes)
      : await clientConnection({
          url: mqttUrl,
          clientId: `feedback-gateway-${config.mqtt.topicPrefix}`,
          username: config.mqtt.username,
          password: config.mqtt.password,
          logger: logger.child({ adapter: 'mqtt' }),
        });
    const mqtt = new MqttAdapter({
      connection,
      url: mqttUrl,
      topicPrefix: config.mqtt.topicPrefix,
      ingest: deps.ingest,
      registry: deps.registry,
      drops,
      logger: logger.child({ adapter: 'mqtt' }),
      extra: new Map([
        ...offTheShelfHandlers({
          registry: deps.registry,
          ingest: deps.ingest,
          drops,
          onError: unlessStoreUnavailable((error) => logger.error({ err: error }, 'off-the-shelf press not stored')),
        }),
        ...(deps.extra ?? []),
      ]),
    });
    await mqtt.start();
    stops.push(() => mqtt.stop());

    const serial = new SerialAdapter({
      ports: config.serial.ports,
      discover: config.serial.discover,
      discoverIntervalMs: config.serial.discoverIntervalMs,
      ingest: deps.ingest,
      registry: deps.registry,
      drops,
      logger: logger.child({ adapter: 'serial' }),
    });
    serial.start();
    stops.push(() => serial.stop());
    return { mqttUrl, mqtt, serial, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
