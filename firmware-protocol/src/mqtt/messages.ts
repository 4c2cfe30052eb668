/**
 * JSON payloads carried over MQTT: the same logical messages as the serial protocol. Every device
 * message carries the protocol version `v`; acknowledged messages (press) carry the device's boot
 * counter and a per-boot sequence number, so the gateway can deduplicate retransmissions.
 */
export const PROTOCOL_VERSION = 1;
export const MAX_PAYLOAD_BYTES = 1024;

export interface JsonPress {
  v: number;
  boot: number;
  seq: number;
  /** 0 = worst .. buttons-1 = best */
  button: number;
  buttons: number;
  durationMs?: number;
  uptimeMs: number;
}

/** A survey answer from a sensor terminal; value null = the question was skipped. */
export interface JsonAnswer {
  v: number;
  boot: number;
  seq: number;
  question: number;
  value: number | null;
  uptimeMs: number;
}

export interface JsonHello {
  v: number;
  boot: number;
  buttons: number;
  scale: string;
  model: string;
  firmware: string;
}

export interface JsonHeartbeat {
  v: number;
  boot: number;
  /** percent, or null when mains powered */
  battery: number | null;
  /** dBm, or null when wired */
  rssi: number | null;
  uptimeMs: number;
  /** presses counted since boot */
  presses: number;
}

export interface JsonStatus {
  v: number;
  online: boolean;
}

/**
 * Gateway → device: cumulative, every press or answer of `boot` with seq ≤ `upTo` is stored or
 * refused for good. `seq` repeats `upTo` for devices written against revision 1.0.
 */
export interface JsonAck {
  v: number;
  boot: number;
  upTo: number;
  seq: number;
}

/** Gateway → device: the message `rejectedSeq` of `boot` will never be stored (same codes as serial). */
export interface JsonError {
  v: number;
  boot: number;
  code: 'unsupportedVersion' | 'unknownType' | 'unknownDevice' | 'badValue' | 'busy';
  /** 0 when the error is about no particular message (a hello) */
  rejectedSeq: number;
  /** the gateway's reason, for people reading logs */
  reason: string;
}

/**
 * A payload that was not accepted. `identity` is there when its boot and seq could be read (a
 * press or answer with a nonzero seq), so the gateway can refuse that message for good and say so.
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string; identity?: { boot: number; seq: number } };

export function ackPayload(boot: number, upTo: number): JsonAck {
  return { v: PROTOCOL_VERSION, boot, upTo, seq: upTo };
}

const U32_MAX = 0xffff_ffff;

function isUint(value: unknown, max = U32_MAX): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

function isText(value: unknown, max = 32): value is string {
  return typeof value === 'string' && value.length <= max;
}

/** The JSON object of a payload, whatever its version; undefined (with the reason) when it is not one. */
function jsonObject(payload: Buffer | string): { data: Record<string, unknown> } | { ok: false; reason: string } {
  const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
  if (size > MAX_PAYLOAD_BYTES) return { ok: false, reason: 'oversize' };
  let data: unknown;
  try {
    data = JSON.parse(payload.toString());
  } catch {
    return { ok: false, reason: 'malformed-json' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'not-an-object' };
  return { data: data as Record<string, unknown> };
}

function parseObject(payload: Buffer | string): ParseResult<Record<string, unknown>> {
  const parsed = jsonObject(payload);
  if (!('data' in parsed)) return parsed;
  if (parsed.data.v !== PROTOCOL_VERSION) return { ok: false, reason: 'unsupported-version' };
  return { ok: true, value: parsed.data };
}

/** A refusal that names the message (boot and a nonzero seq) when they can be read. */
function refusal(reason: string, m: Record<string, unknown>): { ok: false; reason: string; identity?: { boot: number; seq: number } } {
  return isUint(m.boot, 0xffff) && isUint(m.seq) && m.seq > 0
    ? { ok: false, reason, identity: { boot: m.boot, seq: m.seq } }
    : { ok: false, reason };
}

/** The object of a press or answer payload, or why not (with its identity when readable, even at another version). */
function acknowledgedObject(payload: Buffer | string): ParseResult<Record<string, unknown>> {
  const parsed = jsonObject(payload);
  if (!('data' in parsed)) return parsed;
  if (parsed.data.v !== PROTOCOL_VERSION) return refusal('unsupported-version', parsed.data);
  return { ok: true, value: parsed.data };
}

export function parsePress(payload: Buffer | string): ParseResult<JsonPress> {
  const parsed = acknowledgedObject(payload);
  if (!parsed.ok) return parsed;
  const m = parsed.value;
  if (!isUint(m.boot, 0xffff) || !isUint(m.seq) || !isUint(m.uptimeMs)) return refusal('bad-header', m);
  if (!isUint(m.buttons) || m.buttons < 2 || m.buttons > 11) return refusal('bad-buttons', m);
  if (!isUint(m.button) || m.button >= m.buttons) return refusal('bad-button', m);
  if (m.durationMs !== undefined && !isUint(m.durationMs)) return refusal('bad-duration', m);
  const press: JsonPress = { v: PROTOCOL_VERSION, boot: m.boot, seq: m.seq, button: m.button, buttons: m.buttons, uptimeMs: m.uptimeMs };
  if (m.durationMs !== undefined) press.durationMs = m.durationMs as number;
  return { ok: true, value: press };
}

export function parseAnswer(payload: Buffer | string): ParseResult<JsonAnswer> {
  const parsed = acknowledgedObject(payload);
  if (!parsed.ok) return parsed;
  const m = parsed.value;
  if (!isUint(m.boot, 0xffff) || !isUint(m.seq) || !isUint(m.uptimeMs) || !isUint(m.question, 0xffff)) return refusal('bad-answer', m);
  const value = m.value ?? null;
  if (value !== null && !(typeof value === 'number' && Number.isInteger(value) && value >= -32767 && value <= 32767))
    return refusal('bad-answer', m);
  return {
    ok: true,
    value: { v: PROTOCOL_VERSION, boot: m.boot, seq: m.seq, question: m.question, value: value as number | null, uptimeMs: m.uptimeMs },
  };
}

export function parseHello(payload: Buffer | string): ParseResult<JsonHello> {
  const parsed = parseObject(payload);
  if (!parsed.ok) return parsed;
  const m = parsed.value;
  if (!isUint(m.boot, 0xffff) || !isUint(m.buttons) || m.buttons < 2 || m.buttons > 11) return { ok: false, reason: 'bad-hello' };
  if (!isText(m.scale) || !isText(m.model) || !isText(m.firmware)) return { ok: false, reason: 'bad-hello' };
  return {
    ok: true,
    value: { v: PROTOCOL_VERSION, boot: m.boot, buttons: m.buttons, scale: m.scale, model: m.model, firmware: m.firmware },
  };
}

export function parseHeartbeat(payload: Buffer | string): ParseResult<JsonHeartbeat> {
  const parsed = parseObject(payload);
  if (!parsed.ok) return parsed;
  const m = parsed.value;
  const battery = m.battery ?? null;
  const rssi = m.rssi ?? null;
  const batteryOk = battery === null || isUint(battery, 100);
  const rssiOk = rssi === null || (typeof rssi === 'number' && Number.isInteger(rssi) && rssi >= -128 && rssi <= 0);
  if (!isUint(m.boot, 0xffff) || !isUint(m.uptimeMs) || !isUint(m.presses) || !batteryOk || !rssiOk) {
    return { ok: false, reason: 'bad-heartbeat' };
  }
  return {
    ok: true,
    value: {
      v: PROTOCOL_VERSION,
      boot: m.boot,
      battery: battery as number | null,
      rssi: rssi as number | null,
      uptimeMs: m.uptimeMs,
      presses: m.presses,
    },
  };
}

export function parseStatus(payload: Buffer | string): ParseResult<JsonStatus> {
  const parsed = parseObject(payload);
  if (!parsed.ok) return parsed;
  if (typeof parsed.value.online !== 'boolean') return { ok: false, reason: 'bad-status' };
  return { ok: true, value: { v: PROTOCOL_VERSION, online: parsed.value.online } };
}

/** An ack: `upTo`, or `seq` from a gateway of revision 1.0. */
export function parseAck(payload: Buffer | string): ParseResult<JsonAck> {
  const parsed = parseObject(payload);
  if (!parsed.ok) return parsed;
  const m = parsed.value;
  const upTo = m.upTo ?? m.seq;
  if (!isUint(m.boot, 0xffff) || !isUint(upTo)) return { ok: false, reason: 'bad-ack' };
  return { ok: true, value: ackPayload(m.boot, upTo) };
}

const ERROR_CODES = ['unsupportedVersion', 'unknownType', 'unknownDevice', 'badValue', 'busy'] as const;

export function parseError(payload: Buffer | string): ParseResult<JsonError> {
  const parsed = parseObject(payload);
  if (!parsed.ok) return parsed;
  const m = parsed.value;
  const code = ERROR_CODES.find((c) => c === m.code);
  if (!isUint(m.boot, 0xffff) || !isUint(m.rejectedSeq) || !code) return { ok: false, reason: 'bad-error' };
  return {
    ok: true,
    value: { v: PROTOCOL_VERSION, boot: m.boot, code, rejectedSeq: m.rejectedSeq, reason: typeof m.reason === 'string' ? m.reason : '' },
  };
}
