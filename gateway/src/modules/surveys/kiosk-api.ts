import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../../platform/http/schemas.ts';
import { KioskSurveySchema } from './schemas.ts';
import { NoteFields, NoteOutcome } from '../ingest/note-schemas.ts';

/** The schemas of kiosk-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const kioskApi = {
  'GET /api/kiosk/survey': {
    tags: ['kiosk'],
    description: "The survey of the kiosk token's device",
    response: {
      200: KioskSurveySchema,
      404: ErrorBody,
    },
  },
  'POST /api/kiosk/answers': {
    tags: ['kiosk'],
    description: 'Answers from the kiosk, stored exactly once by (device, boot, seq); each gets its outcome',
    body: Type.Object(
      {
        boot: Type.Integer({ minimum: 0, maximum: 65535 }),
        answers: Type.Array(
          Type.Object(
            {
              seq: Type.Integer({ minimum: 1, maximum: 4294967295 }),
              question: Type.Integer({ minimum: 0, maximum: 65535 }),
              // One JSON-schema type list, not a union: fastify's validator coerces types, and it tries a
              // union's members in turn, so either order turned one of null (skipped) and 0 (the lowest
              // rating) into the other. A type list matches each value as it is.
              value: Type.Unsafe<number | null>({
                type: ['integer', 'null'],
                minimum: 0,
                maximum: 255,
                description: 'the rating, or null when the question was skipped',
              }),
              uptimeMs: Type.Integer({ minimum: 0, maximum: 4294967295 }),
              readMs: Type.Optional(
                Type.Integer({
                  minimum: 0,
                  maximum: 86_400_000,
                  description: 'how long the question was on screen before the answer; under 600 ms it is flagged misuse',
                }),
              ),
              run: Type.Optional(
                Type.Integer({
                  minimum: 1,
                  maximum: 4294967295,
                  description:
                    "the seq of this survey run's first answer; a run starting within the device's response interval after the last counted one is flagged misuse",
                }),
              ),
            },
            { additionalProperties: false },
          ),
          { minItems: 1, maxItems: 50 },
        ),
        clock: Type.Optional(
          Type.Object(
            {
              bootWallMs: Type.Integer({ minimum: 0, description: "when the terminal's boot began, by the terminal's own clock (ms)" }),
              sentWallMs: Type.Integer({ minimum: 0, description: 'when the terminal sent this request, by the same clock (ms)' }),
            },
            {
              additionalProperties: false,
              description: 'lets answers kept while the gateway was away be dated when they were given, whatever the terminal clock says',
            },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    response: {
      200: Type.Object({
        results: Type.Array(
          Type.Object({
            seq: Type.Integer(),
            outcome: Type.Union([Type.Literal('stored'), Type.Literal('duplicate'), Type.Literal('refused')]),
            reason: Type.Optional(Type.String()),
          }),
        ),
      }),
    },
  },
  'POST /api/kiosk/notes': {
    tags: ['kiosk'],
    description:
      'What the customer added to an answer already sent (by its boot and seq): follow-up reasons, a comment, a callback request with consent. Stored once per answer; 409 until the answer itself has arrived (the terminal sends it again later).',
    body: Type.Object(
      {
        boot: Type.Integer({ minimum: 0, maximum: 65535 }),
        seq: Type.Integer({ minimum: 1, maximum: 4294967295 }),
        ...NoteFields,
      },
      { additionalProperties: false },
    ),
    response: { 200: NoteOutcome, 400: ErrorBody, 409: ErrorBody },
  },
  'POST /api/kiosk/pulse': {
    tags: ['kiosk'],
    description:
      "A staff member's anonymous pulse at the end of a shift: engagement (eNPS, 0–10) and how drained (1–5). Stored by the terminal's site and local week only, once per key.",
    body: Type.Object(
      {
        key: Type.String({ pattern: '^[A-Za-z0-9-]{16,64}$', description: "the terminal's random idempotency key for this answer" }),
        enps: Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 0, maximum: 10 }),
        drained: Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1, maximum: 5 }),
      },
      { additionalProperties: false },
    ),
    response: { 200: Type.Object({ outcome: Type.Union([Type.Literal('stored'), Type.Literal('duplicate')]) }), 400: ErrorBody },
  },
};
