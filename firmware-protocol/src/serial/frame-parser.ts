import { Transform, type TransformCallback } from 'node:stream';
import { decodeFrame, type DropReason } from './codec.ts';
import { MAX_ENCODED_BYTES, type Header, type ProtocolMessage } from './messages.ts';

/**
 * A stream that turns serial bytes into messages (object mode out). It joins frames split across
 * chunks, splits several frames in one chunk, resynchronises on the next 0x00 after garbage,
 * and drops (and counts, through `onDrop`) anything that is not a valid frame; for an intact
 * frame it could not accept, `onDrop` also gets the frame's header, so it can be answered with an
 * error. It never throws.
 */
export class FrameParser extends Transform {
  private buffer = new Uint8Array(MAX_ENCODED_BYTES);
  private length = 0;
  /** true while skipping an over-long run until the next delimiter */
  private discarding = false;
  readonly drops = new Map<DropReason, number>();

  constructor(private readonly onDrop?: (reason: DropReason, header?: Header) => void) {
    super({ readableObjectMode: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    for (const byte of chunk) {
      if (byte === 0) {
        this.endOfFrame();
        continue;
      }
      if (this.discarding) continue;
      if (this.length === this.buffer.length) {
        this.discarding = true;
        this.countDrop('oversize');
        continue;
      }
      this.buffer[this.length++] = byte;
    }
    done();
  }

  private endOfFrame(): void {
    const length = this.length;
    const discarding = this.discarding;
    this.length = 0;
    this.discarding = false;
    if (discarding || length === 0) return; // an empty frame is a harmless extra delimiter
    const result = decodeFrame(this.buffer.slice(0, length));
    if (result.ok) this.push(result.message satisfies ProtocolMessage);
    else this.countDrop(result.reason, result.header);
  }

  private countDrop(reason: DropReason, header?: Header): void {
    this.drops.set(reason, (this.drops.get(reason) ?? 0) + 1);
    this.onDrop?.(reason, header);
  }
}
