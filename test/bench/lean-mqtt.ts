import { connect, type Socket } from 'node:net';
import mqttPacket from 'mqtt-packet';

/**
 * A minimal MQTT 3.1.1 device connection for load generation: CONNECT, SUBSCRIBE, QoS 1 PUBLISH
 * and PUBACK, without a client library's per-message bookkeeping, so that on a 2-core machine the
 * load generator does not take the CPU the gateway is being measured on.
 */
export class LeanMqtt {
  private socket!: Socket;
  private messageId = 0;
  onPublish: (topic: string, payload: Buffer) => void = () => undefined;

  static async open(url: string, clientId: string, username: string, password: string): Promise<LeanMqtt> {
    const lean = new LeanMqtt();
    const { hostname, port } = new URL(url);
    lean.socket = connect({ host: hostname, port: Number(port), noDelay: true });
    const parser = mqttPacket.parser({ protocolVersion: 4 });
    let connected!: () => void;
    let subscribed!: () => void;
    const ready = new Promise<void>((r) => (connected = r));
    lean.subscribedPromise = new Promise<void>((r) => (subscribed = r));
    parser.on('packet', (packet) => {
      if (packet.cmd === 'connack') connected();
      else if (packet.cmd === 'suback') subscribed();
      else if (packet.cmd === 'publish') {
        if (packet.qos === 1 && packet.messageId !== undefined)
          lean.socket.write(mqttPacket.generate({ cmd: 'puback', messageId: packet.messageId }));
        lean.onPublish(packet.topic, packet.payload as Buffer);
      }
    });
    lean.socket.on('data', (chunk) => parser.parse(chunk));
    await new Promise<void>((resolve, reject) => {
      lean.socket.once('connect', resolve);
      lean.socket.once('error', reject);
    });
    lean.socket.write(
      mqttPacket.generate({
        cmd: 'connect',
        protocolId: 'MQTT',
        protocolVersion: 4,
        clean: true,
        clientId,
        keepalive: 60,
        username,
        password: Buffer.from(password),
      }),
    );
    await ready;
    return lean;
  }

  private subscribedPromise!: Promise<void>;

  async subscribe(topic: string): Promise<void> {
    this.socket.write(mqttPacket.generate({ cmd: 'subscribe', messageId: this.nextId(), subscriptions: [{ topic, qos: 1 }] }));
    await this.subscribedPromise;
  }

  /** A QoS 1 PUBLISH, encoded by hand (MQTT 3.1.1 §3.3): the generator's hot path. */
  publish(topic: string, payload: string): void {
    const t = Buffer.from(topic);
    const p = Buffer.from(payload);
    let remaining = 2 + t.length + 2 + p.length;
    const header = [0x32];
    do {
      let byte = remaining % 128;
      remaining = Math.floor(remaining / 128);
      if (remaining > 0) byte |= 0x80;
      header.push(byte);
    } while (remaining > 0);
    const id = this.nextId();
    this.socket.write(
      Buffer.concat([Buffer.from(header), Buffer.from([t.length >> 8, t.length & 0xff]), t, Buffer.from([id >> 8, id & 0xff]), p]),
    );
  }

  /** Groups the writes made inside `fn` into one system call. */
  burst(fn: () => void): void {
    this.socket.cork();
    fn();
    process.nextTick(() => this.socket.uncork());
  }

  async close(): Promise<void> {
    this.socket.end(mqttPacket.generate({ cmd: 'disconnect' }));
    await new Promise((r) => this.socket.once('close', r));
  }

  private nextId(): number {
    this.messageId = (this.messageId % 65535) + 1;
    return this.messageId;
  }
}
