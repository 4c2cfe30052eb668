import mqtt, { type MqttClient } from 'mqtt';
import type { Aedes, AedesPublishPacket } from 'aedes';
import type { Logger } from 'pino';

/** What the MQTT adapter needs of a broker: subscribe, publish (QoS 1), receive. */
export interface MqttConnection {
  readonly connected: boolean;
  subscribe(filters: string[]): Promise<void>;
  publish(topic: string, payload: string, options?: { retain?: boolean }): void;
  onMessage(handler: (topic: string, payload: Buffer) => void): void;
  close(): Promise<void>;
}

/**
 * The embedded broker, reached in-process: no TCP, no second encode and parse, no PUBACK round
 * trip between the gateway and its own broker. Devices still speak MQTT over TCP to aedes.
 */
export function localConnection(aedes: Aedes): MqttConnection {
  let handler: (topic: string, payload: Buffer) => void = () => undefined;
  const subscriptions: [string, (packet: AedesPublishPacket, callback: () => void) => void][] = [];
  let open = true;
  return {
    get connected() {
      return open && !aedes.closed;
    },
    subscribe: (filters) =>
      Promise.all(
        filters.map(
          (filter) =>
            new Promise<void>((resolve) => {
              const deliver = (packet: AedesPublishPacket, callback: () => void) => {
                callback();
                handler(packet.topic, Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload));
              };
              subscriptions.push([filter, deliver]);
              aedes.subscribe(filter, deliver, resolve);
            }),
        ),
      ).then(() => undefined),
    publish: (topic, payload, options) => {
      if (!open) return;
      aedes.publish(
        { cmd: 'publish', topic, payload: Buffer.from(payload), qos: 1, retain: options?.retain ?? false, dup: false },
        () => undefined,
      );
    },
    onMessage: (h) => {
      handler = h;
    },
    close: async () => {
      open = false;
      await Promise.all(
        subscriptions.map(([filter, deliver]) => new Promise<void>((resolve) => aedes.unsubscribe(filter, deliver, resolve))),
      );
    },
  };
}

/** An external broker (mosquitto, EMQX, …) through mqtt.js, with a persistent session. */
export async function clientConnection(options: {
  url: string;
  clientId: string;
  username?: string | undefined;
  password?: string | undefined;
  logger: Logger;
}): Promise<MqttConnection> {
  const connectOptions: mqtt.IClientOptions = {
    clientId: options.clientId,
    // A persistent session: the broker keeps QoS 1 presses for us while we restart.
    clean: false,
    reconnectPeriod: 1000,
    connectTimeout: 5000,
  };
  if (options.username !== undefined) connectOptions.username = options.username;
  if (options.password !== undefined) connectOptions.password = options.password;
  const client: MqttClient = await mqtt.connectAsync(options.url, connectOptions);
  let stopping = false;
  const noDelay = () => (client.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
  noDelay();
  client.on('connect', () => {
    noDelay();
    options.logger.info('MQTT connected');
  });
  client.on('error', (error) => {
    if (!stopping) options.logger.error({ err: error }, 'MQTT client error');
  });
  client.on('offline', () => {
    if (!stopping) options.logger.warn('MQTT broker unreachable; reconnecting');
  });
  return {
    get connected() {
      return client.connected;
    },
    subscribe: async (filters) => {
      await client.subscribeAsync(filters, { qos: 1 });
    },
    publish: (topic, payload, options) => {
      client.publish(topic, payload, { qos: 1, retain: options?.retain ?? false });
    },
    onMessage: (handler) => {
      client.on('message', handler);
    },
    close: async () => {
      stopping = true;
      await client.endAsync();
    },
  };
}
