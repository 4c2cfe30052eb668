import { Refused } from '../../core/refused.ts';
import { normaliseContact, screenComment } from './comment-screen.ts';
import { polarity } from '../../core/scale.ts';
import type { AnswerNoteRepo } from './answer-note-repo.ts';
import type { EventBus } from '../../platform/events/bus.ts';

/** The stored answer a note is for. */
export interface NoteTarget {
  deviceId: string;
  boot: number;
  seq: number;
}

/** What the customer added: follow-up reasons, a comment, a contact given with consent (the schema requires it). */
export interface NoteInput {
  reasons?: string[];
  comment?: string | undefined;
  contact?: { kind: 'phone' | 'email'; value: string } | undefined;
}

/**
 * Comments, contacts and consent, whatever door they come through (a terminal, a phone): a note is
 * stored on a stored answer once, the comment screened (flagged, never deleted), the contact only
 * as a valid phone or e-mail. The bus hears of a new note (case rules) unless its answer is misuse.
 */
export class AnswerNotes {
  constructor(private readonly deps: { notes: AnswerNoteRepo; bus: EventBus; now?: () => number }) {}

  store(id: NoteTarget, body: NoteInput): { outcome: 'stored' | 'duplicate'; flags: string[] } {
    const answer = this.deps.notes.answer(id.deviceId, id.boot, id.seq);
    if (!answer) throw new Refused('conflict', `Answer ${id.boot}/${id.seq} has not arrived yet; send the note again after it`);
    const contact = body.contact ? normaliseContact(body.contact.kind, body.contact.value) : null;
    if (contact === undefined)
      throw new Refused('invalid', `That is not a valid ${body.contact!.kind === 'email' ? 'e-mail address' : 'phone number'}`);
    const comment = body.comment?.trim() || null;
    // A note on an answer flagged as misuse is kept, flagged too, and opens no case.
    const flags = [...(comment ? screenComment(comment) : []), ...(answer.misuse ? ['misuse'] : [])];
    const note = {
      ...id,
      siteId: answer.siteId,
      pointId: answer.pointId,
      responseKey: answer.responseKey,
      scale: answer.scale,
      value: answer.value,
      negative: answer.value !== null && polarity(answer.scale, answer.value) === 'negative',
      reasons: [...new Set(body.reasons ?? [])],
      comment,
      // a misuse-flagged answer opens no case, so its contact would serve no callback: it is not kept
      contact: answer.misuse ? null : contact,
      flags,
      notedAt: (this.deps.now ?? Date.now)(),
    };
    const stored = this.deps.notes.save(note);
    if (stored && !answer.misuse) this.deps.bus.emit('note:stored', note);
    return { outcome: stored ? 'stored' : 'duplicate', flags };
  }
}
