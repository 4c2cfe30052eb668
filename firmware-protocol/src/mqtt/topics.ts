/**
 * MQTT topic scheme shared by devices and the gateway.
 *
 *   <prefix>/<siteId>/<deviceId>/<message>
 *
 * Device → gateway messages: hello, press, answer, heartbeat, status (retained, also the last will).
 * Gateway → device messages: ack, config (retained), error.
 */
export const DEVICE_MESSAGES = ['hello', 'press', 'answer', 'heartbeat', 'status'] as const;
export const GATEWAY_MESSAGES = ['ack', 'config', 'error'] as const;

export type DeviceMessageName = (typeof DEVICE_MESSAGES)[number];
export type GatewayMessageName = (typeof GATEWAY_MESSAGES)[number];

export const DEFAULT_TOPIC_PREFIX = 'feedback';

export interface DeviceTopic {
  siteId: string;
  deviceId: string;
  message: DeviceMessageName;
}

/** An id segment: letters, digits, dash, underscore, dot; never an MQTT wildcard or a slash. */
const ID = /^[A-Za-z0-9_.-]{1,64}$/;

export function isValidId(id: string): boolean {
  return ID.test(id);
}

export function deviceTopic(prefix: string, siteId: string, deviceId: string, message: DeviceMessageName | GatewayMessageName): string {
  return `${prefix}/${siteId}/${deviceId}/${message}`;
}

/** The subscription that receives every device → gateway message under a prefix. */
export function deviceSubscription(prefix: string): string {
  return `${prefix}/+/+/+`;
}

/** Parses a device → gateway topic; returns undefined for anything else (gateway topics included). */
export function parseDeviceTopic(prefix: string, topic: string): DeviceTopic | undefined {
  const parts = topic.split('/');
  if (parts.length !== 4 || parts[0] !== prefix) return undefined;
  const [, siteId, deviceId, message] = parts as [string, string, string, string];
  if (!isValidId(siteId) || !isValidId(deviceId)) return undefined;
  if (!(DEVICE_MESSAGES as readonly string[]).includes(message)) return undefined;
  return { siteId, deviceId, message: message as DeviceMessageName };
}
