import type { Duplex } from 'node:stream';
import { encodeFrame } from '../serial/codec.ts';
import { FrameParser } from '../serial/frame-parser.ts';
import type { PressMessage, ProtocolMessage } from '../serial/messages.ts';
import { RetransmitQueue, defaultWeights, pickWeighted } from './retransmit-queue.ts';

export interface SerialButtonOptions {
  /** 32-bit device id */
  deviceId: number;
  buttons: number;
  bootCounter?: number;
  weights?: number[];
  retransmitMs?: number;
}

/**
 * A smiley button on a serial line speaking the binary protocol: hello at start, presses
 * retransmitted until a cumulative ack covers them, heartbeats with its press counter. Several
 * buttons may share one line (a multi-drop bus), each seeing only frames addressed to it.
 */
export class SerialButton {
  private line: Duplex | undefined;
  private readonly queue: RetransmitQueue<PressMessage>;
  private readonly weights: number[];
  private seq = 0;
  private sent = 0;
  private readonly startedAt = Date.now();
  /** error frames received, by refused seq */
  readonly refused = new Set<number>();

  constructor(private readonly options: SerialButtonOptions) {
    this.weights = options.weights ?? defaultWeights(options.buttons);
    this.queue = new RetransmitQueue((m) => this.send(m), options.retransmitMs ?? 1000);
  }

  get boot(): number {
    return this.options.bootCounter ?? 1;
  }

  /** Attaches to a line (an open serial port or any duplex byte stream) and says hello. */
  attach(line: Duplex): void {
    this.line = line;
    const parser = new FrameParser();
    line.pipe(parser).on('data', (m: ProtocolMessage) => this.onFrame(m));
    this.send({
      type: 'hello',
      deviceId: this.options.deviceId,
      boot: this.boot,
      seq: 0,
      buttons: this.options.buttons,
      scale: 'smiley',
      model: 'SIM-SERIAL',
      firmware: '1.0.0',
    });
    this.queue.resendAll();
  }

  detach(): void {
    this.line = undefined;
  }

  press(button = pickWeighted(this.weights)): PressMessage {
    const message: PressMessage = {
      type: 'press',
      deviceId: this.options.deviceId,
      boot: this.boot,
      seq: ++this.seq,
      button,
      durationMs: 120,
      uptimeMs: Date.now() - this.startedAt,
    };
    this.sent++;
    this.queue.add(message);
    return message;
  }

  heartbeat(): void {
    this.send({
      type: 'heartbeat',
      deviceId: this.options.deviceId,
      boot: this.boot,
      seq: 0,
      battery: 255,
      rssi: 0,
      uptimeMs: Date.now() - this.startedAt,
      presses: this.sent,
    });
  }

  acknowledged(): number[] {
    return this.queue.acknowledged();
  }

  get pending(): number {
    return this.queue.size;
  }

  drained(timeoutMs = 10_000): Promise<void> {
    return this.queue.drained(timeoutMs, `serial device ${this.options.deviceId}`);
  }

  close(): void {
    this.queue.clear();
    this.line = undefined;
  }

  private send(message: ProtocolMessage): boolean {
    if (!this.line || this.line.destroyed || !this.line.writable) return false;
    this.line.write(Buffer.from(encodeFrame(message)));
    return true;
  }

  private onFrame(m: ProtocolMessage): void {
    if (m.deviceId !== this.options.deviceId || m.boot !== this.boot) return;
    if (m.type === 'ack') this.queue.ack(m.upTo);
    if (m.type === 'error' && m.rejectedSeq > 0) {
      this.refused.add(m.rejectedSeq);
      this.queue.refuse(m.rejectedSeq);
    }
  }
}
