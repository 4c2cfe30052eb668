import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { decodeFrame, encodeFrame, ErrorCode, ScaleCode, type ProtocolMessage } from '../src/index.ts';
import { message } from './arbitraries.ts';
import { readVectors } from './vectors.ts';

const C_DIR = fileURLToPath(new URL('../c/', import.meta.url));
let out: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'fbproto-c-'));
  execFileSync('make', ['-s', '-C', C_DIR, `OUT=${out}`, 'all'], { stdio: 'pipe' });
}, 60_000);

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
const textHex = (s: string) => (s === '' ? '~' : Buffer.from(s, 'latin1').toString('hex'));

/** The line format fbproto_cli reads for `encode`. */
function line(m: ProtocolMessage): string {
  const h = `${m.type} ${m.deviceId} ${m.boot} ${m.seq}`;
  switch (m.type) {
    case 'hello':
      return `${h} ${m.buttons} ${ScaleCode[m.scale]} ${textHex(m.model)} ${textHex(m.firmware)}`;
    case 'press':
      return `${h} ${m.button} ${m.durationMs} ${m.uptimeMs}`;
    case 'answer':
      return `${h} ${m.questionId} ${m.value} ${m.uptimeMs}`;
    case 'heartbeat':
      return `${h} ${m.battery} ${m.rssi} ${m.uptimeMs} ${m.presses}`;
    case 'ack':
      return `${h} ${m.upTo}`;
    case 'config':
      return `${h} ${m.responseIntervalMs} ${m.led ? 1 : 0} ${m.sessionMode ? 1 : 0}`;
    case 'error':
      return `${h} ${ErrorCode[m.code]} ${m.rejectedSeq}`;
  }
}

const cli = (mode: 'encode' | 'decode', input: string | Buffer) => execFileSync(join(out, 'fbproto_cli'), [mode], { input }).toString();

describe('reference C codec', () => {
  it('passes its own self-test, built with gcc -std=c99 -Wall -Werror', () => {
    const output = execFileSync(join(out, 'test_fbproto')).toString();
    expect(output).toMatch(/^\d+ passed, 0 failed$/m);
  });

  it('encodes every PROTOCOL.md vector to the same wire bytes', () => {
    const valid = readVectors().filter((v) => v.fields);
    const lines = cli('encode', valid.map((v) => line(v.fields!)).join('\n') + '\n')
      .trim()
      .split('\n');
    expect(lines).toEqual(valid.map((v) => hex(v.wire)));
  });

  it("decodes every PROTOCOL.md vector as TypeScript does: fields, a newer minor version's frame, and every drop", () => {
    const vectors = readVectors();
    for (const v of vectors) {
      const lines = cli('decode', Buffer.from(v.wire)).trim().split('\n');
      const expected = v.fields ?? v.decodes;
      if (expected) expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([expected, { drops: 0 }]);
      else expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([{ drops: 1 }]);
    }
  });

  it('frames encoded in C decode in TypeScript, byte-identical to the TypeScript encoder', () => {
    const messages = fc.sample(message, { numRuns: 400, seed: 42 });
    const lines = cli('encode', messages.map(line).join('\n') + '\n')
      .trim()
      .split('\n');
    lines.forEach((l, i) => {
      expect(l).toBe(hex(encodeFrame(messages[i]!)));
      const bytes = Uint8Array.from(l.split(' ').map((b) => parseInt(b, 16)));
      expect(decodeFrame(bytes.subarray(1, -1))).toEqual({ ok: true, message: messages[i] });
    });
  });

  it('frames encoded in TypeScript decode in C, through its streaming parser, with noise between them', () => {
    const messages = fc.sample(message, { numRuns: 400, seed: 7 });
    const noise = Buffer.from([0x55, 0xaa, 0x13]);
    const stream = Buffer.concat(messages.flatMap((m) => [noise, Buffer.from(encodeFrame(m))]));
    const lines = cli('decode', stream).trim().split('\n');
    const decoded = lines.slice(0, -1).map((l) => JSON.parse(l) as ProtocolMessage);
    expect(decoded).toEqual(messages.map((m) => ({ ...m })));
    expect(JSON.parse(lines.at(-1)!)).toEqual({ drops: messages.length });
  });
});
