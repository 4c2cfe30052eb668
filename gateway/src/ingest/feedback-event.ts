import type { Transport } from '../devices/device-registry.ts';

/** Where an answer came from. */
export type AnswerSource = Transport | 'kiosk';

/** What an adapter hands to ingest: one press as the device reported it, transport already stripped. */
export interface IncomingPress {
  deviceId: string;
  /** the site named by the transport (MQTT topic); checked against the device's registered site */
  siteId?: string;
  boot: number;
  seq: number;
  button: number;
  /** the number of buttons the device says it has, where the transport carries it */
  buttons?: number;
  uptimeMs: number;
  receivedAt: number;
  source: AnswerSource;
}

/** The one normalised feedback event: one answer on one scale at one point. */
export interface FeedbackEvent {
  deviceId: string;
  boot: number;
  seq: number;
  siteId: string;
  pointId: string;
  /** e.g. smiley4 */
  scale: string;
  value: number;
  occurredAt: number;
  receivedAt: number;
  misuse: boolean;
  source: AnswerSource;
}

export function smileyScale(buttons: number): string {
  return `smiley${buttons}`;
}

/** Number of buttons of a smiley scale name, or undefined for other scales. */
export function smileyButtons(scale: string): number | undefined {
  const match = /^smiley(\d+)$/.exec(scale);
  return match ? Number(match[1]) : undefined;
}
