import { HttpError } from '../../platform/http/errors.ts';
import { normaliseContact, screenComment } from './comment-screen.ts';
import { polarity } from '../../core/scale.ts';
import type { AnswerNoteRepo } from './answer-note-repo.ts';
import type { EventBus } from '../../platform/events/bus.ts';

/**
 * Stores a note on a stored answer, once: the comment screened (flagged, never deleted), the
 * contact only with consent and only as a valid phone or e-mail. The bus hears of a new note (case rules).
 */
export function storeNote(
  services: { notes: AnswerNoteRepo; bus: EventBus },
  id: { deviceId: string; boot: number; seq: number },
  body: { reasons?: string[]; comment?: string | undefined; contact?: { kind: 'phone' | 'email'; value: string } | undefined },
): { outcome: 'stored' | 'duplicate'; flags: string[] } {
  const answer = services.notes.answer(id.deviceId, id.boot, id.seq);
  if (!answer) throw new HttpError(409, `Answer ${id.boot}/${id.seq} has not arrived yet; send the note again after it`);
  const contact = body.contact ? normaliseContact(body.contact.kind, body.contact.value) : null;
  if (contact === undefined) throw new HttpError(400, `That is not a valid ${body.contact!.kind === 'email' ? 'e-mail address' : 'phone number'}`);
  const comment = body.comment?.trim() || null;
  // A note on an answer flagged as misuse is kept, flagged too, and opens no case.
  const flags = [...(comment ? screenComment(comment) : []), ...(answer.misuse ? ['misuse'] : [])];
  const note = {
    ...id,
    siteId: answer.siteId,
    pointId: answer.pointId,
    scale: answer.scale,
    value: answer.value,
    negative: answer.value !== null && polarity(answer.scale, answer.value) === 'negative',
    reasons: [...new Set(body.reasons ?? [])],
    comment,
    contact,
    flags,
    notedAt: Date.now(),
  };
  const stored = services.notes.save(note);
  if (stored && !answer.misuse) services.bus.emit('note:stored', note);
  return { outcome: stored ? 'stored' : 'duplicate', flags };
}
