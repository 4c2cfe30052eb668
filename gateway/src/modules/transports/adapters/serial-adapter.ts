import { SerialPort } from 'serialport';
import type { Logger } from 'pino';
import { unlessStoreUnavailable } from '../../../core/store-unavailable.ts';
import {
  deviceIdString,
  encodeFrame,
  errorFor,
  FrameParser,
  SKIPPED_ANSWER,
  type DropReason,
  type Header,
  type ProtocolMessage,
} from '@feedback/firmware-protocol';
import type { DeviceInbox } from '../../../core/device-inbox.ts';
import { AckCoalescer } from './ack-coalescer.ts';

export interface SerialPortSpec {
  path: string;
  baudRate: number;
}

export interface UsbMatch {
  vendorId: string;
  productId: string;
  baudRate: number;
}

export interface SerialAdapterOptions {
  ports: SerialPortSpec[];
  discover: UsbMatch[];
  discoverIntervalMs: number;
  inbox: DeviceInbox;
  logger: Logger;
}

const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 5000;

/** One serial line: opens, parses frames, writes acks back, and reopens with backoff when it goes away. */
class SerialLine {
  private port: SerialPort | undefined;
  private backoffMs = MIN_BACKOFF_MS;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly acks: AckCoalescer<number>;
  opened = false;

  constructor(
    readonly spec: SerialPortSpec,
    private readonly options: SerialAdapterOptions,
    private readonly logger: Logger,
  ) {
    this.acks = new AckCoalescer(
      (deviceId, ack) => this.write({ type: 'ack', deviceId, boot: ack.boot, seq: 0, upTo: ack.upTo }),
      (deviceId) => String(deviceId),
    );
  }

  open(): void {
    if (this.closed) return;
    const port = new SerialPort({ path: this.spec.path, baudRate: this.spec.baudRate, autoOpen: false });
    this.port = port;
    const parser = new FrameParser((reason, header) => this.onDrop(reason, header));
    port.on('close', () => this.lost('closed'));
    port.on('error', (error) => this.lost(error.message));
    port.pipe(parser).on('data', (message: ProtocolMessage) => this.onMessage(message));
    port.open((error) => {
      if (error) return this.lost(error.message);
      this.opened = true;
      this.backoffMs = MIN_BACKOFF_MS;
      this.logger.info({ path: this.spec.path }, 'serial port open');
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  private lost(why: string): void {
    if (this.closed || this.retry) return;
    if (this.opened) this.logger.warn({ path: this.spec.path, why }, 'serial port lost; reopening');
    this.opened = false;
    const port = this.port;
    this.port = undefined;
    port?.removeAllListeners('data');
    if (port?.isOpen) port.close(() => undefined);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.open();
    }, this.backoffMs);
    this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs * 2);
  }

  private write(message: ProtocolMessage): void {
    if (this.port?.isOpen) this.port.write(Buffer.from(encodeFrame(message)));
  }

  /**
   * A frame that was not accepted. An intact one (its header readable) is answered with the
   * protocol's error; when it carried a seq, that seq is refused for good, so the ack moves past it.
   */
  private onDrop(reason: DropReason, header: Header | undefined): void {
    const { inbox } = this.options;
    const code = errorFor(reason);
    if (!header || !code) return inbox.drop(`serial-${reason}`);
    const error = { type: 'error', deviceId: header.deviceId, boot: header.boot, seq: 0, code, rejectedSeq: header.seq } as const;
    if (header.seq === 0) {
      inbox.drop(`serial-${reason}`, { deviceId: deviceIdString(header.deviceId) });
      return this.write(error);
    }
    const delivery = inbox.refuse({
      deviceId: deviceIdString(header.deviceId),
      boot: header.boot,
      seq: header.seq,
      reason: `serial-${reason}`,
      code,
      transport: 'serial',
    });
    this.write(error);
    if (delivery.ack) this.acks.offer(header.deviceId, delivery.ack);
  }

  private onMessage(m: ProtocolMessage): void {
    const { inbox, logger } = this.options;
    const id = deviceIdString(m.deviceId);
    const receivedAt = Date.now();
    switch (m.type) {
      case 'press':
      case 'answer': {
        const delivery =
          m.type === 'press'
            ? inbox.press({ deviceId: id, boot: m.boot, seq: m.seq, button: m.button, uptimeMs: m.uptimeMs, receivedAt, source: 'serial' })
            : inbox.answer({
                deviceId: id,
                boot: m.boot,
                seq: m.seq,
                questionNumber: m.questionId,
                value: m.value === SKIPPED_ANSWER ? null : m.value,
                uptimeMs: m.uptimeMs,
                receivedAt,
                source: 'serial',
              });
        delivery
          .then((result) => {
            if (result.outcome === 'refused')
              this.write({ type: 'error', deviceId: m.deviceId, boot: m.boot, seq: 0, code: result.code, rejectedSeq: m.seq });
            if (result.ack) this.acks.offer(m.deviceId, result.ack);
          })
          .catch(unlessStoreUnavailable((error) => logger.error({ err: error }, 'message not stored; the device will retransmit')));
        return;
      }
      case 'hello': {
        const reply = inbox.hello({
          deviceId: id,
          transport: 'serial',
          boot: m.boot,
          buttons: m.buttons,
          model: m.model,
          firmware: m.firmware,
          receivedAt,
        });
        if (!('settings' in reply))
          return this.write({ type: 'error', deviceId: m.deviceId, boot: m.boot, seq: 0, code: reply.code, rejectedSeq: 0 });
        return this.write({ type: 'config', deviceId: m.deviceId, boot: m.boot, seq: 0, ...reply.settings });
      }
      case 'heartbeat':
        inbox.heartbeat({
          deviceId: id,
          transport: 'serial',
          boot: m.boot,
          battery: m.battery === 255 ? null : m.battery,
          rssi: m.rssi === 0 ? null : m.rssi,
          uptimeMs: m.uptimeMs,
          presses: m.presses,
          receivedAt,
        });
        return;
      default:
        return inbox.drop('serial-unexpected-type');
    }
  }
}

/** Serial devices: configured ports, plus USB ports discovered by vendor/product id. */
export class SerialAdapter {
  private readonly lines = new Map<string, SerialLine>();
  private discovery: NodeJS.Timeout | undefined;

  constructor(private readonly options: SerialAdapterOptions) {}

  /** Paths currently open, for health and tests. */
  openPaths(): string[] {
    return [...this.lines.values()].filter((l) => l.opened).map((l) => l.spec.path);
  }

  start(): void {
    for (const spec of this.options.ports) this.add(spec);
    if (this.options.discover.length > 0) {
      const scan = () => void this.discover().catch((error: Error) => this.options.logger.warn({ err: error }, 'serial discovery failed'));
      scan();
      this.discovery = setInterval(scan, this.options.discoverIntervalMs);
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.discovery);
    await Promise.all([...this.lines.values()].map((l) => l.close()));
    this.lines.clear();
  }

  private add(spec: SerialPortSpec): void {
    if (this.lines.has(spec.path)) return;
    const line = new SerialLine(spec, this.options, this.options.logger.child({ port: spec.path }));
    this.lines.set(spec.path, line);
    line.open();
  }

  private async discover(): Promise<void> {
    for (const info of await SerialPort.list()) {
      const match = this.options.discover.find(
        (m) => m.vendorId.toLowerCase() === info.vendorId?.toLowerCase() && m.productId.toLowerCase() === info.productId?.toLowerCase(),
      );
      if (match) this.add({ path: info.path, baudRate: match.baudRate });
    }
  }
}
