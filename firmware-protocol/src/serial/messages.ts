/** Protocol version carried in every frame: high nibble major, low nibble minor. */
export const PROTOCOL_MAJOR = 1;
export const PROTOCOL_MINOR = 0;
export const HEADER_BYTES = 12;
export const CRC_BYTES = 2;
/** Largest frame before COBS encoding (header + payload + CRC). */
export const MAX_FRAME_BYTES = 254;
/** The longest COBS block a valid frame can be (254 bytes gain exactly one): a longer run without a delimiter is discarded. */
export const MAX_ENCODED_BYTES = MAX_FRAME_BYTES + 1;

export const MessageType = {
  hello: 0x01,
  press: 0x02,
  answer: 0x03,
  heartbeat: 0x04,
  ack: 0x81,
  config: 0x82,
  error: 0x83,
} as const;
export type MessageTypeName = keyof typeof MessageType;

/** Scale codes of the hello message. */
export const ScaleCode = { smiley: 1, nps11: 2, csat5: 3, ces7: 4, csi5: 5, csi7: 6, importance5: 7, importance7: 8, choice: 9 } as const;
export type ScaleName = keyof typeof ScaleCode;

export const ErrorCode = { unsupportedVersion: 1, unknownType: 2, unknownDevice: 3, badValue: 4, busy: 5 } as const;
export type ErrorName = keyof typeof ErrorCode;

/** Every frame's header. Device → gateway: the sender's identity; gateway → device: the addressee's. */
export interface Header {
  deviceId: number;
  /** boot counter: increments at every device start */
  boot: number;
  /** numbers the device's acknowledged messages (press, answer) within a boot from 1; 0 on others */
  seq: number;
}

export interface HelloMessage extends Header {
  type: 'hello';
  buttons: number;
  scale: ScaleName;
  model: string;
  firmware: string;
}
export interface PressMessage extends Header {
  type: 'press';
  button: number;
  durationMs: number;
  uptimeMs: number;
}
/** The answer value that means "skipped": INT16_MIN. */
export const SKIPPED_ANSWER = -32768;

export interface AnswerMessage extends Header {
  type: 'answer';
  questionId: number;
  /** SKIPPED_ANSWER (−32768) when the customer skipped the question */
  value: number;
  uptimeMs: number;
}
export interface HeartbeatMessage extends Header {
  type: 'heartbeat';
  /** percent 0..100; 255 = mains powered / unknown */
  battery: number;
  /** dBm; 0 = not applicable (wired) */
  rssi: number;
  uptimeMs: number;
  /** presses counted since boot, so the gateway can see lost messages */
  presses: number;
}
export interface AckMessage extends Header {
  type: 'ack';
  /** cumulative: every message of this boot with seq ≤ upTo is stored */
  upTo: number;
}
export interface ConfigMessage extends Header {
  type: 'config';
  responseIntervalMs: number;
  led: boolean;
  sessionMode: boolean;
}
export interface ErrorMessage extends Header {
  type: 'error';
  code: ErrorName;
  /** seq of the message that was refused (0 if none) */
  rejectedSeq: number;
}

export type ProtocolMessage = HelloMessage | PressMessage | AnswerMessage | HeartbeatMessage | AckMessage | ConfigMessage | ErrorMessage;

/** The id a device is known by in configuration and the API: its u32 as 8 lowercase hex digits. */
export function deviceIdString(id: number): string {
  return id.toString(16).padStart(8, '0');
}
