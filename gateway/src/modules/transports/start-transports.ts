import type { Logger } from 'pino';
import type { Config } from '../../platform/config/schema.ts';
import type { DeviceInbox } from '../../core/device-inbox.ts';
import { customersHandler } from './adapters/customers-mqtt.ts';
import { surveyCodesHandler, type SurveyCodeIssuer } from './adapters/survey-codes-mqtt.ts';
import { startEmbeddedBroker, type EmbeddedBroker } from './broker/embedded-broker.ts';
import { BrokerAcl } from './broker/broker-acl.ts';
import { MqttAdapter } from './adapters/mqtt-adapter.ts';
import { clientConnection, localConnection } from './broker/mqtt-connection.ts';
import { SerialAdapter } from './adapters/serial-adapter.ts';
import { offTheShelfHandlers } from './adapters/off-the-shelf.ts';
import { unlessStoreUnavailable } from '../../core/store-unavailable.ts';

export interface Transports {
  mqttUrl: string;
  mqtt: MqttAdapter;
  serial: SerialAdapter;
  /** re-reads the devices (the settings changed): the broker's device users, the off-the-shelf handlers and their subscriptions */
  applySettings(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the embedded broker (unless an external one is configured) and every device adapter. */
export async function startTransports(
  config: Config,
  deps: {
    inbox: DeviceInbox;
    logger: Logger;
    /** the devices the embedded broker lets in, with their configured passwords: read at start and at each applySettings */
    brokerDevices: () => { id: string; siteId: string; password?: string | undefined }[];
    deviceSecretValid?: (deviceId: string, secret: Buffer) => boolean;
    /** issues one-time phone survey codes asked for over MQTT */
    surveyCodes?: SurveyCodeIssuer;
  },
): Promise<Transports> {
  const { logger, inbox } = deps;
  const stops: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
    stops.length = 0;
  };
  try {
    let broker: EmbeddedBroker | undefined;
    let acl: BrokerAcl | undefined;
    if (!config.mqtt.url) {
      const embedded = config.mqtt.embedded;
      acl =
        embedded.auth === 'devices'
          ? new BrokerAcl({
              topicPrefix: config.mqtt.topicPrefix,
              devices: deps.brokerDevices(),
              users: embedded.users,
              deviceSecretValid: deps.deviceSecretValid,
            })
          : undefined;
      broker = await startEmbeddedBroker({
        host: embedded.host,
        port: embedded.port,
        acl,
        limits: embedded,
        onDenied: (reason, who) => inbox.drop(reason, who),
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
    const offTheShelf = offTheShelfHandlers({
      inbox,
      onError: unlessStoreUnavailable((error) => logger.error({ err: error }, 'off-the-shelf press not stored')),
    });
    const ownHandlers = [
      customersHandler(config.mqtt.topicPrefix, inbox),
      ...(deps.surveyCodes
        ? [
            surveyCodesHandler(config.mqtt.topicPrefix, {
              issuer: deps.surveyCodes,
              inbox,
              publish: (topic, payload) => connection.publish(topic, payload),
            }),
          ]
        : []),
    ];
    const extra = () => new Map([...offTheShelf(), ...ownHandlers]);
    const mqtt = new MqttAdapter({
      connection,
      url: mqttUrl,
      topicPrefix: config.mqtt.topicPrefix,
      inbox,
      logger: logger.child({ adapter: 'mqtt' }),
      extra: extra(),
    });
    await mqtt.start();
    stops.push(() => mqtt.stop());

    const serial = new SerialAdapter({
      ports: config.serial.ports,
      discover: config.serial.discover,
      discoverIntervalMs: config.serial.discoverIntervalMs,
      inbox,
      logger: logger.child({ adapter: 'serial' }),
    });
    serial.start();
    stops.push(() => serial.stop());
    const applySettings = async () => {
      acl?.setDevices(deps.brokerDevices());
      await mqtt.handle(extra());
    };
    return { mqttUrl, mqtt, serial, applySettings, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
