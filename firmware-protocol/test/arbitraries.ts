import fc from 'fast-check';
import type { ProtocolMessage } from '../src/index.ts';

/** Any valid protocol message. */
const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const text = fc.stringMatching(/^[\x20-\x7e]{0,32}$/);
const header = { deviceId: u32, boot: u16, seq: u32 };

export const message: fc.Arbitrary<ProtocolMessage> = fc.oneof(
  fc.record({
    type: fc.constant('hello' as const),
    ...header,
    buttons: fc.integer({ min: 2, max: 11 }),
    scale: fc.constantFrom('smiley' as const, 'nps11' as const, 'csat5' as const, 'ces7' as const),
    model: text,
    firmware: text,
  }),
  fc.record({ type: fc.constant('press' as const), ...header, button: u8, durationMs: u16, uptimeMs: u32 }),
  fc.record({
    type: fc.constant('answer' as const),
    ...header,
    questionId: u16,
    value: fc.integer({ min: -32768, max: 32767 }),
    uptimeMs: u32,
  }),
  fc.record({
    type: fc.constant('heartbeat' as const),
    ...header,
    battery: u8,
    rssi: fc.integer({ min: -128, max: 127 }),
    uptimeMs: u32,
    presses: u32,
  }),
  fc.record({ type: fc.constant('ack' as const), ...header, upTo: u32 }),
  fc.record({ type: fc.constant('config' as const), ...header, responseIntervalMs: u32, led: fc.boolean(), sessionMode: fc.boolean() }),
  fc.record({
    type: fc.constant('error' as const),
    ...header,
    code: fc.constantFrom(
      'unsupportedVersion' as const,
      'unknownType' as const,
      'unknownDevice' as const,
      'badValue' as const,
      'busy' as const,
    ),
    rejectedSeq: u32,
  }),
);
