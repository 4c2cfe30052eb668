import { api } from '@feedback/web-base/api-client.ts';
import type { BodyOf } from '@feedback/web-base/contract.ts';

/** One answer as the kiosk API takes it: its identity in the terminal's boot, the question and the value (null: skipped). */
export type KioskAnswer = BodyOf<'POST /api/kiosk/answers'>['answers'][number];
/** When the terminal's boot began and when it sent, by its own clock (the gateway dates late answers by them). */
export type TerminalClock = NonNullable<BodyOf<'POST /api/kiosk/answers'>['clock']>;
/** What the customer added to one answer (by its seq): why, a comment, a callback request with consent. */
export type KioskNote = Omit<BodyOf<'POST /api/kiosk/notes'>, 'boot'>;
/** A staff member's anonymous pulse: engagement 0–10 and drained 1–5 (null: skipped), under a random key. */
export type StaffPulse = BodyOf<'POST /api/kiosk/pulse'>;

/** The survey of this kiosk's device (its token says which). */
export const kioskSurvey = () => api.call('GET /api/kiosk/survey');

/** Answers of one boot, each stored once by (device, boot, seq). */
export const sendAnswers = (boot: number, answers: KioskAnswer[], clock?: TerminalClock) =>
  api.call('POST /api/kiosk/answers', { body: clock === undefined ? { boot, answers } : { boot, answers, clock } });

/** A note on an answer already sent; 409 until that answer has arrived. */
export const sendNote = (boot: number, note: KioskNote) => api.call('POST /api/kiosk/notes', { body: { boot, ...note } });

export const sendPulse = (pulse: StaffPulse) => api.call('POST /api/kiosk/pulse', { body: pulse });
