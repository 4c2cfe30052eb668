import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Id } from '../../platform/http/schemas.ts';
import { principalOf, requirePoint } from '../../platform/http/scope.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { principalName } from '../../platform/auth/principal.ts';
import { NoteFields } from '../ingest/schemas.ts';
import { surveyView } from './survey-view.ts';
import type { PhoneRefusal } from './phone-surveys.ts';
import type { AnswerNotes } from '../ingest/answer-notes.ts';
import type { PhoneSurveys } from './phone-surveys.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';

const Code = Type.String({ pattern: '^[A-Za-z0-9]{8,32}$' });

/** Each refusal as the phone shows it: a status the page turns into a plain sentence. */
const REFUSALS: Record<PhoneRefusal | 'rate', [number, string]> = {
  unknown: [404, 'No survey has this code'],
  revoked: [410, 'This code was replaced by a new one'],
  expired: [410, 'This code has expired'],
  used: [410, 'This code was already used'],
  'no-survey': [404, 'This point has no survey for phones'],
  invalid: [400, 'An answer does not fit its question'],
  rate: [429, 'Too many answers at this point just now; try again in a minute'],
};

function refuse(reason: PhoneRefusal | 'rate'): never {
  const [status, message] = REFUSALS[reason];
  throw new HttpError(status, message, status === 429 ? { 'retry-after': '60' } : {});
}

/**
 * The same survey on a customer's phone: codes are issued by staff or an integration (a queue
 * system, a POS) and opened by anyone holding one; the phone pages are public, rate-limited, and
 * a one-time code takes one submission.
 */
export const phoneRoutes: FastifyPluginAsyncTypebox<{ services: { phone: PhoneSurveys; topology: TopologyRepo; answerNotes: AnswerNotes } }> = async (app, { services }) => {
  app.post(
    '/api/points/:pointId/survey-codes',
    {
      config: { access: 'traffic:write' },
      schema: {
        tags: ['phone'],
        description:
          'A code for the point’s survey on phones: "once" (one served customer: valid for validMinutes, one submission; for the queue system or the POS) or "standing" (the QR code printed at the desk: replaces the point’s previous one, rate-limited per point). The url is what the QR code holds.',
        params: Type.Object({ pointId: Id }),
        body: Type.Object(
          { kind: Type.Union([Type.Literal('once'), Type.Literal('standing')]), validMinutes: Type.Integer({ minimum: 1, maximum: 10_080, default: 1440 }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ code: Type.String(), path: Type.String(), kind: Type.String(), expiresAt: Type.Union([Type.Integer(), Type.Null()]) }), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const { pointId } = request.params;
      requirePoint(request, (p) => services.topology.siteOfPoint(p), pointId);
      const at = Date.now();
      const expiresAt = request.body.kind === 'once' ? at + request.body.validMinutes * 60_000 : null;
      const { code } = services.phone.codes.issue({ pointId, kind: request.body.kind, expiresAt, by: principalName(principalOf(request)), at });
      return reply.code(201).send({ code, path: `/s/${code}`, kind: request.body.kind, expiresAt });
    },
  );

  app.get(
    '/api/phone/:code/survey',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: {
        tags: ['phone'],
        description: "The survey a code opens, with its point's name",
        params: Type.Object({ code: Code }),
        response: { 200: Type.Object({ point: Type.String(), survey: Type.Unknown() }), 404: ErrorBody, 410: ErrorBody },
      },
    },
    async (request) => {
      const opened = services.phone.open(request.params.code);
      if (typeof opened === 'string') refuse(opened);
      const point = services.topology.points().find((p) => p.id === opened.code.pointId);
      return { point: point?.name ?? opened.code.pointId, survey: surveyView(opened.survey) };
    },
  );

  app.post(
    '/api/phone/:code/answers',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['phone'],
        description: 'One submission from a phone: the answers, and what the customer added to the followed-up one. A one-time code takes one submission (410 after).',
        params: Type.Object({ code: Code }),
        body: Type.Object(
          {
            answers: Type.Array(
              Type.Object({ question: Type.Integer({ minimum: 0, maximum: 65535 }), value: Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 0, maximum: 255 }) }, { additionalProperties: false }),
              { minItems: 1, maxItems: 50 },
            ),
            note: Type.Optional(Type.Object({ question: Type.Integer({ minimum: 0, maximum: 65535 }), ...NoteFields }, { additionalProperties: false })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ stored: Type.Integer() }), 400: ErrorBody, 404: ErrorBody, 410: ErrorBody, 429: ErrorBody },
      },
    },
    async (request) => {
      const { answers, note } = request.body;
      if (new Set(answers.map((a) => a.question)).size !== answers.length) throw new HttpError(400, 'A question is answered twice');
      const result = await services.phone.submit(request.params.code, answers);
      if (typeof result === 'string') refuse(result);
      if (note) {
        const target = result.answers.find((a) => a.question === note.question);
        if (target) {
          const { question: _question, ...fields } = note;
          services.answerNotes.store(target, fields);
        }
      }
      return { stored: result.answers.length };
    },
  );
};
