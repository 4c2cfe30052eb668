import type { Socket } from 'node:net';

/**
 * Reads only MQTT fixed headers as bytes arrive: the type byte and the remaining length (1–4
 * bytes), skipping bodies by arithmetic. Says when a header claims more than `maxPacket` bytes or
 * its length is malformed.
 */
export class FixedHeaderScanner {
  private state: 'type' | 'length' | 'body' = 'type';
  private length = 0;
  private multiplier = 1;
  private lengthBytes = 0;
  private bodyLeft = 0;

  constructor(private readonly maxPacket: number) {}

  /** Walks a chunk; returns what a header claimed when it is too large (or 'malformed'), else undefined. */
  scan(chunk: Buffer): number | 'malformed' | undefined {
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
}

/**
 * Guards a client's TCP socket before the broker reads it: every chunk the socket receives is
 * scanned as it is pushed into the socket's read buffer, and a packet whose header claims more
 * than `maxPacket` bytes (CONNECT included) destroys the socket before that chunk is buffered,
 * so no client can make the broker hold a huge packet. The socket itself is handed to the broker
 * unchanged: no extra stream in the path, no copy.
 */
export function guardPacketSize(
  socket: Socket,
  maxPacket: number,
  onRefused: (claimed: number | 'malformed') => void,
): { accepted(): number } {
  const scanner = new FixedHeaderScanner(maxPacket);
  let accepted = 0;
  const push = socket.push.bind(socket);
  socket.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (Buffer.isBuffer(chunk)) {
      const refused = scanner.scan(chunk);
      if (refused !== undefined) {
        onRefused(refused);
        socket.destroy();
        return false;
      }
      accepted += chunk.length;
    }
    return push(chunk, encoding);
  };
  return { accepted: () => accepted };
}
