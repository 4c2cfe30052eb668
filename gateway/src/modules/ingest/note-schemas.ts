import { Type } from '@sinclair/typebox';
import { ContactInput } from '../cases/schemas.ts';

/** What a customer may add to an answer, on a terminal or a phone. */
export const NoteFields = {
  reasons: Type.Array(Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$' }), { maxItems: 6, default: [] }),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
  contact: Type.Optional(ContactInput),
};

export const NoteOutcome = Type.Object({
  outcome: Type.Union([Type.Literal('stored'), Type.Literal('duplicate')]),
  flags: Type.Array(Type.String()),
});
