import { Type } from '@sinclair/typebox';
import { ErrorBody, Id } from '../../platform/http/schemas.ts';
import { NoteFields } from '../ingest/note-schemas.ts';

export const Code = Type.String({ pattern: '^[A-Za-z0-9]{8,32}$' });

/** The schemas of phone-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const phoneApi = {
  'POST /api/points/:pointId/survey-codes': {
    tags: ['phone'],
    description:
      'A code for the point’s survey on phones: "once" (one served customer: valid for validMinutes, one submission; for the queue system or the POS) or "standing" (the QR code printed at the desk: replaces the point’s previous one, rate-limited per point). The url is what the QR code holds.',
    params: Type.Object({ pointId: Id }),
    body: Type.Object(
      {
        kind: Type.Union([Type.Literal('once'), Type.Literal('standing')]),
        validMinutes: Type.Integer({ minimum: 1, maximum: 10_080, default: 1440 }),
      },
      { additionalProperties: false },
    ),
    response: {
      201: Type.Object({
        code: Type.String(),
        path: Type.String(),
        kind: Type.String(),
        expiresAt: Type.Union([Type.Integer(), Type.Null()]),
      }),
      403: ErrorBody,
      404: ErrorBody,
    },
  },
  'GET /api/phone/:code/survey': {
    tags: ['phone'],
    description: "The survey a code opens, with its point's name",
    params: Type.Object({ code: Code }),
    response: { 200: Type.Object({ point: Type.String(), survey: Type.Unknown() }), 404: ErrorBody, 410: ErrorBody },
  },
  'POST /api/phone/:code/answers': {
    tags: ['phone'],
    description:
      'One submission from a phone: the answers, and what the customer added to the followed-up one. A one-time code takes one submission (410 after).',
    params: Type.Object({ code: Code }),
    body: Type.Object(
      {
        answers: Type.Array(
          Type.Object(
            {
              question: Type.Integer({ minimum: 0, maximum: 65535 }),
              value: Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 0, maximum: 255 }),
            },
            { additionalProperties: false },
          ),
          { minItems: 1, maxItems: 50 },
        ),
        note: Type.Optional(
          Type.Object({ question: Type.Integer({ minimum: 0, maximum: 65535 }), ...NoteFields }, { additionalProperties: false }),
        ),
      },
      { additionalProperties: false },
    ),
    response: { 200: Type.Object({ stored: Type.Integer() }), 400: ErrorBody, 404: ErrorBody, 410: ErrorBody, 429: ErrorBody },
  },
};
