import mqtt, { type MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import { deviceTopic, parseDeviceTopic, parsePress, PROTOCOL_VERSION, DEVICE_MESSAGES } from '@feedback/firmware-protocol';
import type { Ingest } from '../ingest/ingest.ts';
import type { DropLog } from './drop-log.ts';

export interface MqttAdapterOptions {
  url: string;
  topicPrefix: string;
  username?: string | undefined;
  password?: string | undefined;
  ingest: Ingest;
  drops: DropLog;
  logger: Logger;
}

/** Reads device messages from an MQTT broker and acknowledges each press after it is committed. */
export class MqttAdapter {
  private client: MqttClient | undefined;
  private stopping = false;

  constructor(private readonly options: MqttAdapterOptions) {}

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  async start(): Promise<void> {
    const { url, username, password, topicPrefix, logger } = this.options;
    const connectOptions: mqtt.IClientOptions = { clientId: `feedback-gateway-${process.pid}-${Date.now()}`, reconnectPeriod: 1000 };
    if (username !== undefined) connectOptions.username = username;
    if (password !== undefined) connectOptions.password = password;
    const client = await mqtt.connectAsync(url, connectOptions);
    this.client = client;
    client.on('message', (topic, payload) => this.onMessage(topic, payload));
    client.on('error', (error) => {
      if (!this.stopping) logger.error({ err: error }, 'MQTT client error');
    });
    client.on('offline', () => logger.warn('MQTT broker unreachable; reconnecting'));
    client.on('connect', () => logger.info('MQTT connected'));
    await client.subscribeAsync(
      DEVICE_MESSAGES.map((m) => `${topicPrefix}/+/+/${m}`),
      { qos: 1 },
    );
    logger.info({ url: redactUrl(url) }, 'MQTT adapter subscribed');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const client = this.client;
    this.client = undefined;
    await client?.endAsync();
  }

  private onMessage(topic: string, payload: Buffer): void {
    const { topicPrefix, drops, ingest } = this.options;
    const parsed = parseDeviceTopic(topicPrefix, topic);
    if (!parsed) return drops.drop('unknown-topic', { topic });
    if (parsed.message !== 'press') return; // hello, heartbeat and status feed the device registry (a later step)
    const press = parsePress(payload);
    if (!press.ok) return drops.drop(press.reason, { topic });
    const receivedAt = Date.now();
    ingest
      .acceptPress({ ...press.value, deviceId: parsed.deviceId, siteId: parsed.siteId, receivedAt, source: 'mqtt' })
      .then((outcome) => {
        if (typeof outcome === 'object') return;
        const ack = JSON.stringify({ v: PROTOCOL_VERSION, boot: press.value.boot, seq: press.value.seq });
        this.client?.publish(deviceTopic(topicPrefix, parsed.siteId, parsed.deviceId, 'ack'), ack, { qos: 1 });
      })
      .catch((error: Error) => this.options.logger.error({ err: error }, 'press not stored; the device will retransmit'));
  }
}

/** Removes credentials from a broker URL before it is logged. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
