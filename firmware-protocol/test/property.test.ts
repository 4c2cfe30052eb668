import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { cobsDecode, cobsEncode, decodeFrame, encodeFrame, FrameParser, type ProtocolMessage } from '../src/index.ts';
import { message } from './arbitraries.ts';

describe('properties', () => {
  it('decode(encode(m)) = m for any message', () => {
    fc.assert(
      fc.property(message, (m) => {
        const wire = encodeFrame(m);
        expect(wire[0]).toBe(0);
        expect(wire[wire.length - 1]).toBe(0);
        expect(wire.subarray(1, -1).includes(0)).toBe(false);
        expect(decodeFrame(wire.subarray(1, -1))).toEqual({ ok: true, message: m });
      }),
      { numRuns: 2000 },
    );
  });

  it('COBS round-trips any bytes and never emits 0x00', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const encoded = cobsEncode(bytes);
        expect(encoded.includes(0)).toBe(false);
        expect(cobsDecode(encoded)).toEqual(bytes);
      }),
    );
  });

  it('decodeFrame handles any byte sequence without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = decodeFrame(bytes);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 5000 },
    );
  });

  it('the parser recovers every valid frame from any noise around it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.uint8Array({ maxLength: 300 }), message), { maxLength: 8 }), async (pairs) => {
        const parser = new FrameParser();
        const seen: ProtocolMessage[] = [];
        parser.on('data', (m: ProtocolMessage) => seen.push(m));
        const ended = new Promise((resolve) => parser.on('end', resolve));
        for (const [noise, m] of pairs) {
          parser.write(Buffer.from(noise));
          parser.write(Buffer.from(encodeFrame(m)));
        }
        parser.end();
        await ended;
        // Noise can, very rarely, hold a valid frame of its own: every sent message must still arrive, in order.
        const sent = pairs.map(([, m]) => m);
        let i = 0;
        for (const m of seen) if (i < sent.length && isDeepStrictEqual({ ...m }, { ...sent[i] })) i++;
        expect(i).toBe(sent.length);
      }),
      { numRuns: 500 },
    );
  });
});
