import mqtt, { type MqttClient } from 'mqtt';
import { deviceTopic, DEFAULT_TOPIC_PREFIX } from '../mqtt/topics.ts';
import { parseAck, parseError, PROTOCOL_VERSION, type JsonPress } from '../mqtt/messages.ts';
import { RetransmitQueue, defaultWeights, pickWeighted } from './retransmit-queue.ts';

export interface SimulatedButtonOptions {
  brokerUrl: string;
  siteId: string;
  deviceId: string;
  /** number of buttons, 3..5 for smiley terminals */
  buttons: number;
  /** relative weight of each button, worst first; defaults to a mostly happy mix */
  weights?: number[];
  topicPrefix?: string;
  bootCounter?: number;
  /** retransmit an unacknowledged press after this many ms */
  retransmitMs?: number;
  /** broker credentials; the user name defaults to the device id */
  username?: string;
  password?: string;
}

export interface SimulatedButtonStats {
  sent: number;
  acked: number;
  retransmitted: number;
  pending: number;
}

/** A smiley button that talks the MQTT JSON protocol and retransmits until acknowledged. */
export class SimulatedButton {
  readonly deviceId: string;
  private client: MqttClient | undefined;
  private readonly weights: number[];
  private readonly prefix: string;
  private readonly queue: RetransmitQueue<JsonPress>;
  private seq = 0;
  private sent = 0;
  private acked = 0;
  /** error messages received, by refused seq */
  readonly refused = new Set<number>();
  private readonly startedAt = Date.now();

  constructor(private readonly options: SimulatedButtonOptions) {
    this.deviceId = options.deviceId;
    this.weights = options.weights ?? defaultWeights(options.buttons);
    if (this.weights.length !== options.buttons) throw new Error(`weights must have ${options.buttons} entries`);
    this.prefix = options.topicPrefix ?? DEFAULT_TOPIC_PREFIX;
    // Not waiting for the broker's PUBACK: what counts is the gateway's ack, and a QoS 1 publish
    // stays pending inside the client for as long as the broker is away.
    this.queue = new RetransmitQueue((message) => {
      // Publishing while disconnected would pile copies up in the client's offline queue.
      if (!this.client?.connected) return false;
      this.client.publish(this.topic('press'), JSON.stringify(message), { qos: 1 }, () => undefined);
      return true;
    }, options.retransmitMs ?? 2000);
  }

  get boot(): number {
    return this.options.bootCounter ?? 1;
  }

  private topic(message: 'press' | 'status' | 'ack' | 'error' | 'heartbeat' | 'hello'): string {
    return deviceTopic(this.prefix, this.options.siteId, this.deviceId, message);
  }

  async connect(): Promise<void> {
    const offline = JSON.stringify({ v: PROTOCOL_VERSION, online: false });
    const connectOptions: mqtt.IClientOptions = {
      clientId: `device-${this.deviceId}`,
      reconnectPeriod: 500,
      connectTimeout: 5000,
      will: { topic: this.topic('status'), payload: Buffer.from(offline), qos: 1, retain: true },
    };
    if (this.options.password !== undefined) {
      connectOptions.username = this.options.username ?? this.deviceId;
      connectOptions.password = this.options.password;
    }
    const client = await mqtt.connectAsync(this.options.brokerUrl, connectOptions);
    this.client = client;
    client.on('message', (topic, payload) => {
      if (topic === this.topic('error')) {
        const error = parseError(payload);
        if (error.ok && error.value.boot === this.boot && error.value.rejectedSeq > 0) {
          this.refused.add(error.value.rejectedSeq);
          this.queue.refuse(error.value.rejectedSeq);
        }
        return;
      }
      const ack = parseAck(payload);
      if (ack.ok && ack.value.boot === this.boot) this.acked += this.queue.ack(ack.value.upTo);
    });
    await client.subscribeAsync([this.topic('ack'), this.topic('error')], { qos: 1 });
    await client.publishAsync(this.topic('status'), JSON.stringify({ v: PROTOCOL_VERSION, online: true }), { qos: 1, retain: true });
    const hello = {
      v: PROTOCOL_VERSION,
      boot: this.boot,
      buttons: this.options.buttons,
      scale: 'smiley',
      model: 'SIM-MQTT',
      firmware: '1.0.0',
    };
    client.publish(this.topic('hello'), JSON.stringify(hello), { qos: 1 });
  }

  /** Presses a button (random by the weights when none is given); it is retransmitted until acknowledged. */
  press(button = pickWeighted(this.weights)): JsonPress {
    const message: JsonPress = {
      v: PROTOCOL_VERSION,
      boot: this.boot,
      seq: ++this.seq,
      button,
      buttons: this.options.buttons,
      durationMs: 120,
      uptimeMs: Date.now() - this.startedAt,
    };
    this.sent++;
    this.queue.add(message);
    return message;
  }

  /** Reports battery, signal and the press counter, so the gateway can see lost messages. */
  heartbeat(health: { battery?: number | null; rssi?: number | null } = {}): void {
    const hb = {
      v: PROTOCOL_VERSION,
      boot: this.boot,
      battery: health.battery ?? null,
      rssi: health.rssi ?? null,
      uptimeMs: Date.now() - this.startedAt,
      presses: this.sent,
    };
    this.client?.publish(this.topic('heartbeat'), JSON.stringify(hb), { qos: 1 });
  }

  /** Resolves when every press sent so far has been acknowledged. */
  drained(timeoutMs = 10_000): Promise<void> {
    return this.queue.drained(timeoutMs, this.deviceId);
  }

  /** Sequence numbers (of the current boot) that the gateway has acknowledged. */
  acknowledged(): number[] {
    return this.queue.acknowledged();
  }

  getStats(): SimulatedButtonStats {
    return { sent: this.sent, acked: this.acked, retransmitted: this.queue.retransmitted, pending: this.queue.size };
  }

  async close(): Promise<void> {
    this.queue.clear();
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    if (client.connected) {
      await client
        .publishAsync(this.topic('status'), JSON.stringify({ v: PROTOCOL_VERSION, online: false }), { qos: 1, retain: true })
        .catch(() => undefined);
    }
    // With the broker gone, force the end so that publishes still waiting for a PUBACK fail now.
    await client.endAsync(!client.connected);
  }
}

export { defaultWeights };
