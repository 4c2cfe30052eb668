import type { Logger } from 'pino';
import { unlessStoreUnavailable } from '../../../core/store-unavailable.ts';
import { matches } from '../broker/topic-filter.ts';
import {
  deviceTopic,
  parseDeviceTopic,
  parseAnswer,
  parseHeartbeat,
  parseHello,
  parsePress,
  parseStatus,
  PROTOCOL_VERSION,
  DEVICE_MESSAGES,
  ackPayload,
  type JsonError,
  type ParseResult,
  type DeviceTopic,
} from '@feedback/firmware-protocol';
import type { Delivery, DeviceInbox } from '../../../core/device-inbox.ts';
import { AckCoalescer } from './ack-coalescer.ts';
import type { MqttConnection } from '../broker/mqtt-connection.ts';

export interface MqttAdapterOptions {
  connection: MqttConnection;
  /** for logs only */
  url: string;
  topicPrefix: string;
  inbox: DeviceInbox;
  logger: Logger;
  /** more subscriptions handled elsewhere (off-the-shelf buttons): topic filter → handler */
  extra?: Map<string, (topic: string, payload: Buffer) => void>;
}

/** Reads device messages from an MQTT broker; acknowledges presses after they are committed. */
export class MqttAdapter {
  private running = false;
  private readonly acks: AckCoalescer<DeviceTopic>;
  private extra: Map<string, (topic: string, payload: Buffer) => void>;
  private readonly subscribed = new Set<string>();

  constructor(private readonly options: MqttAdapterOptions) {
    this.extra = options.extra ?? new Map();
    this.acks = new AckCoalescer(
      (device, ack) => {
        const payload = JSON.stringify(ackPayload(ack.boot, ack.upTo));
        if (this.running) options.connection.publish(deviceTopic(options.topicPrefix, device.siteId, device.deviceId, 'ack'), payload);
      },
      (device) => `${device.siteId}/${device.deviceId}`,
    );
  }

  get connected(): boolean {
    return this.running && this.options.connection.connected;
  }

  async start(): Promise<void> {
    const { connection, url, topicPrefix, logger } = this.options;
    connection.onMessage((topic, payload) => this.onMessage(topic, payload));
    await this.subscribe([...DEVICE_MESSAGES.map((m) => `${topicPrefix}/+/+/${m}`), ...this.extra.keys()]);
    this.running = true;
    logger.info({ url: redactUrl(url) }, 'MQTT adapter subscribed');
  }

  /**
   * Replaces the subscriptions handled elsewhere (the settings changed): new filters are subscribed
   * before this returns; a filter no longer handled stays subscribed, its messages counted as unknown.
   */
  async handle(extra: Map<string, (topic: string, payload: Buffer) => void>): Promise<void> {
    this.extra = extra;
    await this.subscribe([...extra.keys()]);
  }

  private async subscribe(filters: string[]): Promise<void> {
    const fresh = filters.filter((f) => !this.subscribed.has(f));
    if (fresh.length === 0) return;
    await this.options.connection.subscribe(fresh);
    for (const f of fresh) this.subscribed.add(f);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.options.connection.close();
  }

  private onMessage(topic: string, payload: Buffer): void {
    const { topicPrefix, inbox } = this.options;
    const parsed = parseDeviceTopic(topicPrefix, topic);
    if (!parsed) {
      for (const [filter, handler] of this.extra) if (matches(filter, topic)) return handler(topic, payload);
      return inbox.drop('unknown-topic', { topic });
    }
    const receivedAt = Date.now();
    switch (parsed.message) {
      case 'press':
        return this.onPress(parsed, payload, receivedAt);
      case 'answer':
        return this.onAnswer(parsed, payload, receivedAt);
      case 'hello':
        return this.onHello(parsed, payload, receivedAt);
      case 'heartbeat':
        return this.onHeartbeat(parsed, payload, receivedAt);
      case 'status':
        return this.onStatus(parsed, payload, receivedAt);
    }
  }

  /**
   * A press or answer that could not be read: when its boot and seq could, it is refused for good
   * (error topic, and the ack moves past it) so the device stops resending it; otherwise counted.
   */
  private unreadable(topic: DeviceTopic, failure: Extract<ParseResult<unknown>, { ok: false }>): void {
    const { inbox } = this.options;
    if (!failure.identity) return inbox.drop(failure.reason, { deviceId: topic.deviceId });
    const code = failure.reason === 'unsupported-version' ? 'unsupportedVersion' : 'badValue';
    const delivery = inbox.refuse({
      ...failure.identity,
      deviceId: topic.deviceId,
      siteId: topic.siteId,
      reason: failure.reason,
      code,
      transport: 'mqtt',
    });
    this.answer(topic, failure.identity, delivery);
  }

  /** Tells the device what became of a message: an error when refused, then the (coalesced) cumulative ack. */
  private answer(topic: DeviceTopic, m: { boot: number; seq: number }, delivery: Delivery): void {
    if (delivery.outcome === 'refused')
      this.publishError(topic, { v: PROTOCOL_VERSION, boot: m.boot, code: delivery.code, rejectedSeq: m.seq, reason: delivery.reason });
    if (delivery.ack) this.acks.offer(topic, delivery.ack);
  }

  private publishError(topic: DeviceTopic, error: JsonError): void {
    if (this.running)
      this.options.connection.publish(deviceTopic(this.options.topicPrefix, topic.siteId, topic.deviceId, 'error'), JSON.stringify(error));
  }

  private onPress(topic: DeviceTopic, payload: Buffer, receivedAt: number): void {
    const press = parsePress(payload);
    if (!press.ok) return this.unreadable(topic, press);
    const { boot, seq, button, buttons, uptimeMs } = press.value;
    this.acknowledge(
      topic,
      { boot, seq },
      this.options.inbox.press({
        deviceId: topic.deviceId,
        siteId: topic.siteId,
        boot,
        seq,
        button,
        buttons,
        uptimeMs,
        receivedAt,
        source: 'mqtt',
      }),
    );
  }

  private onAnswer(topic: DeviceTopic, payload: Buffer, receivedAt: number): void {
    const answer = parseAnswer(payload);
    if (!answer.ok) return this.unreadable(topic, answer);
    const { boot, seq, question, value, uptimeMs } = answer.value;
    this.acknowledge(
      topic,
      { boot, seq },
      this.options.inbox.answer({
        deviceId: topic.deviceId,
        siteId: topic.siteId,
        boot,
        seq,
        questionNumber: question,
        value,
        uptimeMs,
        receivedAt,
        source: 'mqtt',
      }),
    );
  }

  /** Acks once the message is durable (or refused for good); a failed commit is left to the device's retransmission. */
  private acknowledge(topic: DeviceTopic, m: { boot: number; seq: number }, delivery: Promise<Delivery>): void {
    delivery
      .then((result) => this.answer(topic, m, result))
      .catch(
        unlessStoreUnavailable((error) => this.options.logger.error({ err: error }, 'message not stored; the device will retransmit')),
      );
  }

  /** Records the device and answers with its configuration (retained, so it is there at the next start too). */
  private onHello(topic: DeviceTopic, payload: Buffer, receivedAt: number): void {
    const hello = parseHello(payload);
    if (!hello.ok) return this.options.inbox.drop(hello.reason);
    const reply = this.options.inbox.hello({
      ...hello.value,
      deviceId: topic.deviceId,
      siteId: topic.siteId,
      transport: 'mqtt',
      receivedAt,
    });
    if (!('settings' in reply))
      return this.publishError(topic, {
        v: PROTOCOL_VERSION,
        boot: hello.value.boot,
        code: reply.code,
        rejectedSeq: 0,
        reason: reply.refused,
      });
    const config = { v: PROTOCOL_VERSION, ...reply.settings };
    if (this.running)
      this.options.connection.publish(
        deviceTopic(this.options.topicPrefix, topic.siteId, topic.deviceId, 'config'),
        JSON.stringify(config),
        { retain: true },
      );
  }

  private onHeartbeat(topic: DeviceTopic, payload: Buffer, receivedAt: number): void {
    const hb = parseHeartbeat(payload);
    if (!hb.ok) return this.options.inbox.drop(hb.reason);
    this.options.inbox.heartbeat({ ...hb.value, deviceId: topic.deviceId, siteId: topic.siteId, transport: 'mqtt', receivedAt });
  }

  private onStatus(topic: DeviceTopic, payload: Buffer, receivedAt: number): void {
    const status = parseStatus(payload);
    if (!status.ok) return this.options.inbox.drop(status.reason);
    this.options.inbox.status({ deviceId: topic.deviceId, siteId: topic.siteId, online: status.value.online, receivedAt });
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
