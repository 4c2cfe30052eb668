/**
 * JSON payloads carried over MQTT. Every device message carries the protocol version `v`,
 * the device's boot counter and a per-boot sequence number, so that the gateway can
 * deduplicate retransmissions and acknowledge exactly what it has stored.
 */
export const PROTOCOL_VERSION = 1;
export const MAX_PAYLOAD_BYTES = 1024;

export interface PressMessage {
  v: number;
  boot: number;
  seq: number;
  /** 0 = worst .. buttons-1 = best */
  button: number;
  buttons: number;
  durationMs?: number;
  uptimeMs: number;
}

export interface AckMessage {
  v: number;
  boot: number;
  seq: number;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const U32_MAX = 0xffff_ffff;

function isUint(value: unknown, max = U32_MAX): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

function parseObject(payload: Buffer | string): ParseResult<Record<string, unknown>> {
  const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
  if (size > MAX_PAYLOAD_BYTES) return { ok: false, reason: 'oversize' };
  let data: unknown;
  try {
    data = JSON.parse(payload.toString());
  } catch {
    return { ok: false, reason: 'malformed-json' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'not-an-object' };
  return { ok: true, value: data as Record<string, unknown> };
}

export function parsePress(payload: Buffer | string): ParseResult<PressMessage> {
  const parsed = parseObject(payload);
  if (!parsed.ok) return parsed;
  const m = parsed.value;
  if (m.v !== PROTOCOL_VERSION) return { ok: false, reason: 'unsupported-version' };
  if (!isUint(m.boot) || !isUint(m.seq) || !isUint(m.uptimeMs)) return { ok: false, reason: 'bad-header' };
  if (!isUint(m.buttons) || m.buttons < 2 || m.buttons > 11) return { ok: false, reason: 'bad-buttons' };
  if (!isUint(m.button) || m.button >= m.buttons) return { ok: false, reason: 'bad-button' };
  if (m.durationMs !== undefined && !isUint(m.durationMs)) return { ok: false, reason: 'bad-duration' };
  const press: PressMessage = { v: m.v, boot: m.boot, seq: m.seq, button: m.button, buttons: m.buttons, uptimeMs: m.uptimeMs };
  if (m.durationMs !== undefined) press.durationMs = m.durationMs as number;
  return { ok: true, value: press };
}

export function parseAck(payload: Buffer | string): ParseResult<AckMessage> {
  const parsed = parseObject(payload);
  if (!parsed.ok) return parsed;
  const m = parsed.value;
  if (m.v !== PROTOCOL_VERSION || !isUint(m.boot) || !isUint(m.seq)) return { ok: false, reason: 'bad-ack' };
  return { ok: true, value: { v: m.v, boot: m.boot, seq: m.seq } };
}
