import type { Db } from '../../platform/store/db.ts';

/** The response an answer belongs to ("<device>/<boot>/<seq>" or "<device>/<boot>/r<run>"), undefined for an answer not stored. */
export type ResponseOf = (answer: { deviceId: string; boot: number; seq: number }) => string | undefined;

/**
 * Reads an answer's response key from the store (schema v12's answers.response_key). The case
 * rules ask it for a note that does not carry its response itself.
 */
export function responseOfAnswer(db: Db): ResponseOf {
  const select = db.prepare('SELECT response_key AS key FROM answers WHERE device_id = ? AND boot = ? AND seq = ?');
  return ({ deviceId, boot, seq }) => (select.get(deviceId, boot, seq) as { key: string | null } | undefined)?.key ?? undefined;
}
