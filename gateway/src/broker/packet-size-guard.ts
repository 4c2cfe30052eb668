import { Duplex } from 'node:stream';
import type { Socket } from 'node:net';

/**
 * Sits between a client's TCP socket and the broker and reads only MQTT fixed headers: the type
 * byte and the remaining length (1–4 bytes). A packet whose header claims more than `maxPacket`
 * bytes, or a malformed length, closes the socket before its body is read or handed on, so no
 * client (authenticated or not, CONNECT included) can make the broker buffer a huge packet.
 * Everything else passes through unchanged, with backpressure both ways.
 */
export class PacketSizeGuard extends Duplex {
  /** bytes handed to the broker so far */
  accepted = 0;
  private state: 'type' | 'length' | 'body' = 'type';
  private length = 0;
  private multiplier = 1;
  private lengthBytes = 0;
  private bodyLeft = 0;

  constructor(
    private readonly socket: Socket,
    private readonly maxPacket: number,
    private readonly onRefused: (claimed: number | 'malformed') => void,
  ) {
    super({ allowHalfOpen: false });
    socket.on('data', (chunk: Buffer) => this.fromClient(chunk));
    socket.on('end', () => this.push(null));
    socket.on('error', (error) => this.destroy(error));
    socket.on('close', () => this.destroy());
  }

  get remoteAddress(): string | undefined {
    return this.socket.remoteAddress;
  }

  setNoDelay(noDelay?: boolean): this {
    this.socket.setNoDelay(noDelay);
    return this;
  }

  private fromClient(chunk: Buffer): void {
    const refused = this.scan(chunk);
    if (refused !== undefined) {
      this.onRefused(refused);
      this.socket.destroy();
      this.destroy();
      return;
    }
    this.accepted += chunk.length;
    if (!this.push(chunk)) this.socket.pause();
  }

  /** Walks the chunk's packet headers; returns what a header claimed when it is refused. */
  private scan(chunk: Buffer): number | 'malformed' | undefined {
    let i = 0;
    while (i < chunk.length) {
      if (this.state === 'body') {
        const skip = Math.min(this.bodyLeft, chunk.length - i);
        this.bodyLeft -= skip;
        i += skip;
        if (this.bodyLeft === 0) this.state = 'type';
        continue;
      }
      if (this.state === 'type') {
        i++;
        this.state = 'length';
        this.length = 0;
        this.multiplier = 1;
        this.lengthBytes = 0;
        continue;
      }
      const byte = chunk[i++]!;
      this.length += (byte & 0x7f) * this.multiplier;
      this.multiplier *= 128;
      this.lengthBytes++;
      if (this.length > this.maxPacket) return this.length;
      if (byte & 0x80) {
        if (this.lengthBytes === 4) return 'malformed';
        continue;
      }
      this.bodyLeft = this.length;
      this.state = this.bodyLeft === 0 ? 'type' : 'body';
    }
    return undefined;
  }

  override _read(): void {
    this.socket.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.socket.write(chunk)) callback();
    else this.socket.once('drain', () => callback());
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.socket.end(callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket.destroy();
    callback(error);
  }
}
