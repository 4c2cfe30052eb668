import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf, requirePoint } from '../../platform/http/scope.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { principalName } from '../../platform/auth/principal.ts';
import { surveyView } from './survey-view.ts';
import type { PhoneRefusal } from './phone-surveys.ts';
import type { AnswerNotes } from '../ingest/answer-notes.ts';
import type { PhoneSurveys } from './phone-surveys.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { phoneApi } from './phone-api.ts';

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
export const phoneRoutes: FastifyPluginAsyncTypebox<{
  services: { phone: PhoneSurveys; topology: TopologyRepo; answerNotes: AnswerNotes };
}> = async (app, { services }) => {
  app.post(
    '/api/points/:pointId/survey-codes',
    {
      config: { access: 'traffic:write' },
      schema: phoneApi['POST /api/points/:pointId/survey-codes'],
    },
    async (request, reply) => {
      const { pointId } = request.params;
      requirePoint(request, (p) => services.topology.siteOfPoint(p), pointId);
      const at = Date.now();
      const expiresAt = request.body.kind === 'once' ? at + request.body.validMinutes * 60_000 : null;
      const { code } = services.phone.codes.issue({
        pointId,
        kind: request.body.kind,
        expiresAt,
        by: principalName(principalOf(request)),
        at,
      });
      return reply.code(201).send({ code, path: `/s/${code}`, kind: request.body.kind, expiresAt });
    },
  );

  app.get(
    '/api/phone/:code/survey',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: phoneApi['GET /api/phone/:code/survey'],
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
      schema: phoneApi['POST /api/phone/:code/answers'],
    },
    async (request) => {
      const { answers, note } = request.body;
      if (new Set(answers.map((a) => a.question)).size !== answers.length) throw new HttpError(400, 'A question is answered twice');
      const result = await services.phone.submit(request.params.code, answers, request.ip);
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
