import { cobsDecode, cobsEncode } from './cobs.ts';
import { crc16 } from './crc16.ts';
import {
  CRC_BYTES,
  ErrorCode,
  HEADER_BYTES,
  MAX_ENCODED_BYTES,
  MAX_FRAME_BYTES,
  MessageType,
  PROTOCOL_MAJOR,
  PROTOCOL_MINOR,
  ScaleCode,
  type ErrorName,
  type Header,
  type MessageTypeName,
  type ProtocolMessage,
  type ScaleName,
} from './messages.ts';

/** Why a frame was not accepted; each reason is counted separately by the gateway. */
export type DropReason = 'bad-cobs' | 'too-short' | 'oversize' | 'bad-crc' | 'unsupported-version' | 'unknown-type' | 'bad-payload';
/**
 * A frame that was not accepted. `header` is there when the frame was intact (its CRC held), so
 * the receiver can answer with an error addressed to the sender's device, boot and seq.
 */
export type DecodeResult = { ok: true; message: ProtocolMessage } | { ok: false; reason: DropReason; header?: Header };

const TYPE_BY_CODE = new Map<number, MessageTypeName>(Object.entries(MessageType).map(([k, v]) => [v, k as MessageTypeName]));
const SCALE_BY_CODE = new Map<number, ScaleName>(Object.entries(ScaleCode).map(([k, v]) => [v, k as ScaleName]));
const ERROR_BY_CODE = new Map<number, ErrorName>(Object.entries(ErrorCode).map(([k, v]) => [v, k as ErrorName]));
const ascii = new TextDecoder('latin1');

function asciiBytes(text: string, field: string): Uint8Array {
  if (!/^[\x20-\x7e]{0,32}$/.test(text)) throw new RangeError(`${field} must be at most 32 printable ASCII characters`);
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** DataView silently wraps out-of-range values; a frame must never carry a different number than asked. */
function inRange(value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${value} is outside ${min}..${max}`);
  return value;
}

function payloadOf(m: ProtocolMessage): Uint8Array {
  const buf = new DataView(new ArrayBuffer(80));
  let o = 0;
  const u8 = (v: number) => buf.setUint8(o++, inRange(v, 0, 0xff));
  const i8 = (v: number) => buf.setInt8(o++, inRange(v, -0x80, 0x7f));
  const u16 = (v: number) => (buf.setUint16(o, inRange(v, 0, 0xffff), true), (o += 2));
  const i16 = (v: number) => (buf.setInt16(o, inRange(v, -0x8000, 0x7fff), true), (o += 2));
  const u32 = (v: number) => (buf.setUint32(o, inRange(v, 0, 0xffffffff), true), (o += 4));
  const bytes = (b: Uint8Array) => {
    u8(b.length);
    for (const x of b) u8(x);
  };
  switch (m.type) {
    case 'hello':
      u8(m.buttons);
      u8(ScaleCode[m.scale]);
      bytes(asciiBytes(m.model, 'model'));
      bytes(asciiBytes(m.firmware, 'firmware'));
      break;
    case 'press':
      u8(m.button);
      u16(m.durationMs);
      u32(m.uptimeMs);
      break;
    case 'answer':
      u16(m.questionId);
      i16(m.value);
      u32(m.uptimeMs);
      break;
    case 'heartbeat':
      u8(m.battery);
      i8(m.rssi);
      u32(m.uptimeMs);
      u32(m.presses);
      break;
    case 'ack':
      u32(m.upTo);
      break;
    case 'config':
      u32(m.responseIntervalMs);
      u8(m.led ? 1 : 0);
      u8(m.sessionMode ? 1 : 0);
      break;
    case 'error':
      u8(ErrorCode[m.code]);
      u32(m.rejectedSeq);
      break;
  }
  return new Uint8Array(buf.buffer, 0, o);
}

/** The frame before COBS: header, payload, CRC-16 (little-endian). Throws RangeError on out-of-range fields. */
export function encodeRaw(m: ProtocolMessage): Uint8Array {
  const payload = payloadOf(m);
  const frame = new Uint8Array(HEADER_BYTES + payload.length + CRC_BYTES);
  const view = new DataView(frame.buffer);
  view.setUint8(0, (PROTOCOL_MAJOR << 4) | PROTOCOL_MINOR);
  view.setUint8(1, MessageType[m.type]);
  view.setUint32(2, inRange(m.deviceId, 0, 0xffffffff), true);
  view.setUint16(6, inRange(m.boot, 0, 0xffff), true);
  view.setUint32(8, inRange(m.seq, 0, 0xffffffff), true);
  frame.set(payload, HEADER_BYTES);
  view.setUint16(frame.length - CRC_BYTES, crc16(frame, 0, frame.length - CRC_BYTES), true);
  return frame;
}

/**
 * One frame on the wire: 0x00, COBS(header | payload | CRC), 0x00. The leading delimiter ends any
 * line noise before the frame, so a frame is never lost to garbage that preceded it.
 */
export function encodeFrame(m: ProtocolMessage): Uint8Array {
  const encoded = cobsEncode(encodeRaw(m));
  const out = new Uint8Array(encoded.length + 2);
  out.set(encoded, 1);
  return out;
}

class Reader {
  offset = HEADER_BYTES;
  constructor(
    private readonly view: DataView,
    private readonly end: number,
  ) {}
  private take(n: number): number {
    if (this.offset + n > this.end) throw new RangeError('short payload');
    const at = this.offset;
    this.offset += n;
    return at;
  }
  u8 = () => this.view.getUint8(this.take(1));
  i8 = () => this.view.getInt8(this.take(1));
  u16 = () => this.view.getUint16(this.take(2), true);
  i16 = () => this.view.getInt16(this.take(2), true);
  u32 = () => this.view.getUint32(this.take(4), true);
  text = () => {
    const length = this.u8();
    if (length > 32) throw new RangeError('text too long');
    const at = this.take(length);
    return ascii.decode(new Uint8Array(this.view.buffer, this.view.byteOffset + at, length));
  };
  done = () => this.offset === this.end;
}

/** The error a receiver answers a refused intact frame with (PROTOCOL.md, order of checks). */
export function errorFor(reason: DropReason): ErrorName | undefined {
  if (reason === 'unsupported-version') return 'unsupportedVersion';
  if (reason === 'unknown-type') return 'unknownType';
  if (reason === 'bad-payload') return 'badValue';
  return undefined;
}

function decodePayload(type: MessageTypeName, header: Header, r: Reader): ProtocolMessage | undefined {
  switch (type) {
    case 'hello': {
      const buttons = r.u8();
      const scale = SCALE_BY_CODE.get(r.u8());
      const model = r.text();
      const firmware = r.text();
      return scale && buttons >= 2 && buttons <= 11 ? { ...header, type, buttons, scale, model, firmware } : undefined;
    }
    case 'press':
      return { ...header, type, button: r.u8(), durationMs: r.u16(), uptimeMs: r.u32() };
    case 'answer':
      return { ...header, type, questionId: r.u16(), value: r.i16(), uptimeMs: r.u32() };
    case 'heartbeat':
      return { ...header, type, battery: r.u8(), rssi: r.i8(), uptimeMs: r.u32(), presses: r.u32() };
    case 'ack':
      return { ...header, type, upTo: r.u32() };
    case 'config': {
      const responseIntervalMs = r.u32();
      const led = r.u8();
      const session = r.u8();
      return led <= 1 && session <= 1 ? { ...header, type, responseIntervalMs, led: led === 1, sessionMode: session === 1 } : undefined;
    }
    case 'error': {
      const code = ERROR_BY_CODE.get(r.u8());
      const rejectedSeq = r.u32();
      return code ? { ...header, type, code, rejectedSeq } : undefined;
    }
  }
}

/** Decodes a frame before COBS (header | payload | CRC). Never throws. */
export function decodeRaw(frame: Uint8Array): DecodeResult {
  if (frame.length > MAX_FRAME_BYTES) return { ok: false, reason: 'oversize' };
  if (frame.length < HEADER_BYTES + CRC_BYTES) return { ok: false, reason: 'too-short' };
  const view = new DataView(frame.buffer, frame.byteOffset, frame.length);
  const end = frame.length - CRC_BYTES;
  if (view.getUint16(end, true) !== crc16(frame, 0, end)) return { ok: false, reason: 'bad-crc' };
  // The header's layout is the same in every version, so an intact frame can always be answered.
  const header: Header = { deviceId: view.getUint32(2, true), boot: view.getUint16(6, true), seq: view.getUint32(8, true) };
  const version = view.getUint8(0);
  if (version >> 4 !== PROTOCOL_MAJOR) return { ok: false, reason: 'unsupported-version', header };
  const type = TYPE_BY_CODE.get(view.getUint8(1));
  if (!type) return { ok: false, reason: 'unknown-type', header };
  // A newer minor version only appends fields: read the ones this version knows, skip the rest.
  const newerMinor = (version & 0x0f) > PROTOCOL_MINOR;
  try {
    const reader = new Reader(view, end);
    const message = decodePayload(type, header, reader);
    return message && (reader.done() || newerMinor) ? { ok: true, message } : { ok: false, reason: 'bad-payload', header };
  } catch {
    return { ok: false, reason: 'bad-payload', header };
  }
}

/** Decodes one COBS block (the bytes between two 0x00 delimiters). Never throws. */
export function decodeFrame(block: Uint8Array): DecodeResult {
  if (block.length > MAX_ENCODED_BYTES) return { ok: false, reason: 'oversize' };
  const raw = cobsDecode(block);
  return raw ? decodeRaw(raw) : { ok: false, reason: 'bad-cobs' };
}
