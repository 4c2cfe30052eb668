import mqtt, { type MqttClient } from 'mqtt';
import { deviceTopic, DEFAULT_TOPIC_PREFIX } from '../mqtt/topics.ts';
import { parseAck, PROTOCOL_VERSION, type JsonPress } from '../mqtt/messages.ts';

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
  private readonly options: Required<Omit<SimulatedButtonOptions, 'username' | 'password' | 'weights'>> &
    Pick<SimulatedButtonOptions, 'username' | 'password'> & { weights: number[] };
  private seq = 0;
  private readonly startedAt = Date.now();
  private readonly pending = new Map<number, { message: JsonPress; timer: NodeJS.Timeout }>();
  private readonly ackedSeqs = new Set<number>();
  private stats = { sent: 0, acked: 0, retransmitted: 0 };

  constructor(options: SimulatedButtonOptions) {
    this.deviceId = options.deviceId;
    const weights = options.weights ?? defaultWeights(options.buttons);
    if (weights.length !== options.buttons) throw new Error(`weights must have ${options.buttons} entries`);
    this.options = {
      topicPrefix: DEFAULT_TOPIC_PREFIX,
      bootCounter: 1,
      retransmitMs: 2000,
      ...options,
      weights,
    };
  }

  get boot(): number {
    return this.options.bootCounter;
  }

  async connect(): Promise<void> {
    const { brokerUrl, siteId, deviceId, topicPrefix } = this.options;
    const statusTopic = deviceTopic(topicPrefix, siteId, deviceId, 'status');
    const connectOptions: mqtt.IClientOptions = {
      clientId: `device-${deviceId}`,
      reconnectPeriod: 500,
      connectTimeout: 5000,
      will: { topic: statusTopic, payload: Buffer.from(JSON.stringify({ v: PROTOCOL_VERSION, online: false })), qos: 1, retain: true },
    };
    if (this.options.password !== undefined) {
      connectOptions.username = this.options.username ?? deviceId;
      connectOptions.password = this.options.password;
    }
    const client = await mqtt.connectAsync(brokerUrl, connectOptions);
    this.client = client;
    client.on('message', (_topic, payload) => this.onAck(payload));
    await client.subscribeAsync(deviceTopic(topicPrefix, siteId, deviceId, 'ack'), { qos: 1 });
    await client.publishAsync(statusTopic, JSON.stringify({ v: PROTOCOL_VERSION, online: true }), { qos: 1, retain: true });
  }

  /** Presses a button (random by the weights when none is given); it is retransmitted until acknowledged. */
  press(button = this.pickButton()): JsonPress {
    const message: JsonPress = {
      v: PROTOCOL_VERSION,
      boot: this.options.bootCounter,
      seq: ++this.seq,
      button,
      buttons: this.options.buttons,
      durationMs: 120,
      uptimeMs: Date.now() - this.startedAt,
    };
    this.stats.sent++;
    this.publish(message);
    return message;
  }

  /** Resolves when every press sent so far has been acknowledged. */
  async drained(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.size > 0) {
      if (Date.now() > deadline) throw new Error(`${this.deviceId}: ${this.pending.size} presses not acknowledged`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Sequence numbers (of the current boot) that the gateway has acknowledged. */
  acknowledged(): number[] {
    return [...this.ackedSeqs].sort((a, b) => a - b);
  }

  getStats(): SimulatedButtonStats {
    return { ...this.stats, pending: this.pending.size };
  }

  async close(): Promise<void> {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    const { topicPrefix, siteId, deviceId } = this.options;
    if (client.connected) {
      await client
        .publishAsync(deviceTopic(topicPrefix, siteId, deviceId, 'status'), JSON.stringify({ v: PROTOCOL_VERSION, online: false }), {
          qos: 1,
          retain: true,
        })
        .catch(() => undefined);
    }
    // With the broker gone, force the end so that publishes still waiting for a PUBACK fail now.
    await client.endAsync(!client.connected);
  }

  private publish(message: JsonPress): void {
    const client = this.client;
    if (!client) throw new Error(`${this.deviceId} is not connected`);
    const { topicPrefix, siteId, deviceId, retransmitMs } = this.options;
    const timer = setTimeout(() => {
      if (!this.pending.has(message.seq) || !this.client) return;
      this.stats.retransmitted++;
      this.publish(message);
    }, retransmitMs);
    timer.unref();
    this.pending.set(message.seq, { message, timer });
    // Not waiting for the broker's PUBACK: what counts is the gateway's ack, and a QoS 1 publish
    // stays pending inside the client for as long as the broker is away.
    client.publish(deviceTopic(topicPrefix, siteId, deviceId, 'press'), JSON.stringify(message), { qos: 1 }, () => undefined);
  }

  /** Acks are cumulative: every pending press of this boot up to the acked seq is done. */
  private onAck(payload: Buffer): void {
    const ack = parseAck(payload);
    if (!ack.ok || ack.value.boot !== this.options.bootCounter) return;
    for (const [seq, entry] of this.pending) {
      if (seq > ack.value.seq) continue;
      clearTimeout(entry.timer);
      this.pending.delete(seq);
      if (!this.ackedSeqs.has(seq)) {
        this.ackedSeqs.add(seq);
        this.stats.acked++;
      }
    }
  }

  private pickButton(): number {
    const { weights } = this.options;
    const total = weights.reduce((a, b) => a + b, 0);
    let r = Math.random() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}

/** A realistic, mostly positive mix: weights grow towards the best button. */
export function defaultWeights(buttons: number): number[] {
  return Array.from({ length: buttons }, (_, i) => 1 + i * i);
}
