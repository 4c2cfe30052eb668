import type { Transport } from './transport.ts';
import type { Scale } from './scale.ts';

/** Where an answer came from. */
export type AnswerSource = Transport | 'kiosk' | 'phone';

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

/** A survey answer from a sensor terminal: question number and value, or null when skipped. */
export interface IncomingAnswer {
  deviceId: string;
  siteId?: string;
  boot: number;
  seq: number;
  questionNumber: number;
  value: number | null;
  uptimeMs: number;
  receivedAt: number;
  source: AnswerSource;
  /** a terminal: how long the question was on screen before this answer (too short to read: misuse) */
  readMs?: number | undefined;
  /** a terminal: the seq of the first answer of this survey run (a run started within the response interval after the last counted one: misuse) */
  run?: number | undefined;
}

/** One answer on one scale at one point: what every transport is normalised into, and what is stored. */
export interface Answer {
  deviceId: string;
  boot: number;
  seq: number;
  siteId: string;
  pointId: string;
  /** who served at the point at that moment, from the staff shifts */
  staffId: string | null;
  surveyId: string | null;
  questionId: string | null;
  scale: Scale;
  /** null when the question was skipped: stored, never counted */
  value: number | null;
  occurredAt: number;
  receivedAt: number;
  misuse: boolean;
  source: AnswerSource;
  /**
   * The response it belongs to (METRICS.md, "Responses"): "<device>/<boot>/<seq>" for a press or a
   * lone answer, "<device>/<boot>/r<run>" for the answers of one survey run or phone submission.
   */
  responseKey: string;
  /** whether it is its response's headline answer: a press, or the answer to its survey's headline question */
  headline: boolean;
}

/** The response key of an answer: its run's when it has one, else its own (see Answer.responseKey). */
export function responseKeyOf(deviceId: string, boot: number, seq: number, run?: number): string {
  return run === undefined ? `${deviceId}/${boot}/${seq}` : `${deviceId}/${boot}/r${run}`;
}
