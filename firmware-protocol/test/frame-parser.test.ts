import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameParser, type ProtocolMessage, type DropReason } from '../src/index.ts';

const press = (seq: number): ProtocolMessage => ({
  type: 'press',
  deviceId: 0x42,
  boot: 1,
  seq,
  button: seq % 4,
  durationMs: 100,
  uptimeMs: seq * 10,
});

/** Feeds chunks through a parser; returns the messages and the drop counts. */
async function parse(chunks: Uint8Array[]): Promise<{ messages: ProtocolMessage[]; drops: Partial<Record<DropReason, number>> }> {
  const parser = new FrameParser();
  const messages: ProtocolMessage[] = [];
  parser.on('data', (m: ProtocolMessage) => messages.push(m));
  for (const chunk of chunks) parser.write(Buffer.from(chunk));
  parser.end();
  await new Promise((resolve) => parser.on('end', resolve));
  return { messages, drops: Object.fromEntries(parser.drops) };
}

const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('FrameParser', () => {
  it('splits two frames that arrive in one chunk', async () => {
    const { messages } = await parse([concat(encodeFrame(press(1)), encodeFrame(press(2)))]);
    expect(messages).toEqual([press(1), press(2)]);
  });

  it('joins a frame split across chunks, down to single bytes', async () => {
    const wire = concat(encodeFrame(press(1)), encodeFrame(press(2)));
    const { messages } = await parse([...wire].map((b) => Uint8Array.of(b)));
    expect(messages).toEqual([press(1), press(2)]);
  });

  it('resynchronises after garbage and counts it', async () => {
    const garbage = Uint8Array.from([0x13, 0x37, 0xff, 0x01, 0x02]);
    const { messages, drops } = await parse([concat(garbage, encodeFrame(press(1)), garbage, encodeFrame(press(2)))]);
    expect(messages).toEqual([press(1), press(2)]);
    expect(Object.values(drops).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('drops a frame with a bad CRC, counts it, and keeps the next one', async () => {
    const bad = encodeFrame(press(1));
    bad[bad.length - 3]! ^= 0x40;
    const { messages, drops } = await parse([concat(bad, encodeFrame(press(2)))]);
    expect(messages).toEqual([press(2)]);
    expect(drops['bad-crc'] ?? 0).toBe(1);
  });

  it('discards an over-long run without a delimiter and recovers', async () => {
    const noise = new Uint8Array(1000).fill(0x55);
    const { messages, drops } = await parse([noise, encodeFrame(press(3))]);
    expect(messages).toEqual([press(3)]);
    expect(drops.oversize).toBe(1);
  });

  it('takes a 255-byte encoded frame (254 frame bytes) and discards a run of 256', async () => {
    const longest = encodeFrame({
      type: 'hello',
      deviceId: 9,
      boot: 1,
      seq: 0,
      buttons: 4,
      scale: 'smiley',
      model: 'M'.repeat(32),
      firmware: 'F'.repeat(32),
    });
    expect(longest.length - 2).toBeLessThanOrEqual(255);
    const run = (n: number) => concat(new Uint8Array([0]), new Uint8Array(n).fill(0x55), new Uint8Array([0]));
    const { drops } = await parse([run(255), run(256)]);
    expect(drops.oversize).toBe(1); // the 256-byte run only
    expect(Object.values(drops).reduce((a, b) => a + b, 0)).toBe(2); // the 255-byte one is read, and fails a later check
  });
});
