import { describe, expect, it } from 'vitest';
import { cobsDecode, cobsEncode, crc16, decodeFrame, decodeRaw, encodeFrame, encodeRaw, errorFor } from '../src/index.ts';
import { readVectors } from './vectors.ts';

const vectors = readVectors();

describe('PROTOCOL.md test vectors', () => {
  it('has at least 12 vectors, valid and invalid', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(12);
    expect(vectors.filter((v) => v.drop).length).toBeGreaterThanOrEqual(4);
  });

  for (const v of vectors.filter((x) => x.fields)) {
    it(`encodes and decodes: ${v.title}`, () => {
      expect(encodeRaw(v.fields!)).toEqual(v.raw);
      expect(encodeFrame(v.fields!)).toEqual(v.wire);
      expect(decodeFrame(v.wire.subarray(1, -1))).toEqual({ ok: true, message: v.fields });
    });
  }

  for (const v of vectors.filter((x) => x.decodes)) {
    it(`decodes: ${v.title}`, () => {
      expect(cobsDecode(v.wire.subarray(1, -1))).toEqual(v.raw);
      expect(decodeRaw(v.raw)).toEqual({ ok: true, message: v.decodes });
    });
  }

  for (const v of vectors.filter((x) => x.drop)) {
    it(`drops as ${v.drop}${v.error ? `, answered with ${v.error}` : ''}: ${v.title}`, () => {
      expect(cobsDecode(v.wire.subarray(1, -1))).toEqual(v.raw);
      const result = decodeRaw(v.raw);
      expect(result).toMatchObject({ ok: false, reason: v.drop });
      expect(result.ok ? undefined : errorFor(result.reason)).toBe(v.error);
      // an answered frame names its sender, boot and seq from the header
      if (v.error) expect(result).toMatchObject({ header: { deviceId: 0x12345678, boot: 3, seq: 17 } });
    });
  }
});

describe('CRC-16/IBM-3740', () => {
  it('gives the catalogue check value 0x29B1 for "123456789"', () => {
    expect(crc16(new TextEncoder().encode('123456789'))).toBe(0x29b1);
  });
});

describe('COBS', () => {
  it.each([
    [[0x00], [0x01, 0x01]],
    [
      [0x00, 0x00],
      [0x01, 0x01, 0x01],
    ],
    [
      [0x11, 0x22, 0x00, 0x33],
      [0x03, 0x11, 0x22, 0x02, 0x33],
    ],
    [
      [0x11, 0x00, 0x00, 0x00],
      [0x02, 0x11, 0x01, 0x01, 0x01],
    ],
  ])('encodes %j as the published example %j', (input, output) => {
    expect([...cobsEncode(Uint8Array.from(input))]).toEqual(output);
    expect([...cobsDecode(Uint8Array.from(output))!]).toEqual(input);
  });

  it('handles a run of 254 non-zero bytes', () => {
    const input = Uint8Array.from({ length: 254 }, (_, i) => i + 1);
    const encoded = cobsEncode(input);
    expect(encoded[0]).toBe(0xff);
    expect(encoded.length).toBe(255);
    expect(cobsDecode(encoded)).toEqual(input);
  });

  it('refuses blocks that are not COBS', () => {
    expect(cobsDecode(Uint8Array.from([0x05, 0x11]))).toBeUndefined();
    expect(cobsDecode(Uint8Array.from([0x02, 0x00]))).toBeUndefined();
  });
});

describe('encoder field checks', () => {
  it('refuses out-of-range or non-ASCII fields with a RangeError', () => {
    const press = { type: 'press' as const, deviceId: 1, boot: 1, seq: 1, button: 1, durationMs: 1, uptimeMs: 1 };
    expect(() => encodeRaw({ ...press, button: 256 })).toThrow(RangeError);
    expect(() => encodeRaw({ ...press, boot: 70000 })).toThrow(RangeError);
    expect(() =>
      encodeRaw({ type: 'hello', deviceId: 1, boot: 1, seq: 0, buttons: 4, scale: 'smiley', model: 'Smiley™', firmware: '1' }),
    ).toThrow(/ASCII/);
  });
});
