import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Id, Nullable } from '../../platform/http/schemas.ts';
import { allowedSites, principalOf, requireSite } from '../../platform/http/scope.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { principalName } from '../../platform/auth/principal.ts';
import { CHECKLIST, SECTIONS, automaticAnswers, score, type Answer } from './self-assessment.ts';
import type { AssessmentFigures } from './self-assessment.ts';
import type { AssessmentRepo } from './assessment-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';

const AnswerSchema = Type.Union([Type.Literal('yes'), Type.Literal('partly'), Type.Literal('no')]);
const Scores = Type.Object({ total: Type.Number(), sections: Type.Record(Type.String(), Type.Number()) });
const Saved = Type.Object({
  id: Type.Integer(),
  siteId: Nullable(Type.String()),
  takenAt: Type.Integer(),
  takenBy: Type.String(),
  score: Type.Number(),
  scores: Scores,
  answers: Type.Record(Type.String(), Type.Object({ answer: AnswerSchema, automatic: Type.Boolean(), evidence: Nullable(Type.String()) })),
});

/** The customer-centricity self-assessment: the checklist with the gateway's own answers, saved by date. */
export const assessmentRoutes: FastifyPluginAsyncTypebox<{ services: { assessments: { repo: AssessmentRepo; figures: (siteId: string, now: number) => Promise<AssessmentFigures> }; topology: TopologyRepo } }> = async (app, { services }) => {
  const knownSite = (siteId: string) => {
    if (!services.topology.sites().some((s) => s.id === siteId)) throw new HttpError(404, `No site "${siteId}"`);
  };

  app.get(
    '/api/assessments/checklist',
    {
      config: { access: 'cases:read' },
      schema: {
        tags: ['assessments'],
        description: "The checklist's items by section, each the gateway can answer with its automatic answer and the evidence (its figures over the last 30 days)",
        querystring: Type.Object({ siteId: Id }),
        response: {
          200: Type.Object({
            sections: Type.Array(Type.String()),
            items: Type.Array(Type.Object({ id: Type.String(), section: Type.String(), text: Type.String(), automatic: Nullable(Type.Object({ answer: AnswerSchema, evidence: Type.String() })) })),
          }),
          403: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (request) => {
      requireSite(request, request.query.siteId);
      knownSite(request.query.siteId);
      const auto = automaticAnswers(await services.assessments.figures(request.query.siteId, Date.now()));
      return { sections: [...SECTIONS], items: CHECKLIST.map((item) => ({ ...item, automatic: auto[item.id] ?? null })) };
    },
  );

  app.post(
    '/api/assessments',
    {
      config: { access: 'cases:write' },
      schema: {
        tags: ['assessments'],
        description: 'Saves an assessment: the answers given, and the automatic answers (with their evidence) for the items left out',
        body: Type.Object({ siteId: Id, answers: Type.Record(Type.String({ maxLength: 64 }), AnswerSchema, { maxProperties: 100 }) }, { additionalProperties: false }),
        response: { 201: Saved, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const { siteId, answers } = request.body;
      requireSite(request, siteId);
      knownSite(siteId);
      const unknown = Object.keys(answers).filter((id) => !CHECKLIST.some((i) => i.id === id));
      if (unknown.length) throw new HttpError(400, `No checklist item ${unknown.map((u) => `"${u}"`).join(', ')}`);
      const auto = automaticAnswers(await services.assessments.figures(siteId, Date.now()));
      const merged: Record<string, { answer: Answer; automatic: boolean; evidence: string | null }> = {};
      for (const item of CHECKLIST) {
        const given = answers[item.id];
        if (given) merged[item.id] = { answer: given, automatic: false, evidence: auto[item.id]?.evidence ?? null };
        else if (auto[item.id]) merged[item.id] = { answer: auto[item.id]!.answer, automatic: true, evidence: auto[item.id]!.evidence };
      }
      const scores = score(Object.fromEntries(Object.entries(merged).map(([id, a]) => [id, a.answer])));
      const saved = services.assessments.repo.save({ siteId, takenAt: Date.now(), takenBy: principalName(principalOf(request)), answers: merged, score: scores.total });
      return reply.code(201).send({ ...saved, scores });
    },
  );

  app.get(
    '/api/assessments',
    {
      config: { access: 'cases:read' },
      schema: {
        tags: ['assessments'],
        description: 'Saved assessments, oldest first, with their scores per section: compared over time',
        querystring: Type.Object({ siteId: Type.Optional(Id), limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }),
        response: { 200: Type.Object({ assessments: Type.Array(Saved) }), 403: ErrorBody },
      },
    },
    async (request) => {
      const { siteId, limit } = request.query;
      if (siteId) requireSite(request, siteId);
      const list = services.assessments.repo.list(siteId ? [siteId] : allowedSites(request), limit);
      return { assessments: list.map((a) => ({ ...a, scores: score(Object.fromEntries(Object.entries(a.answers).map(([id, x]) => [id, x.answer]))) })) };
    },
  );
};
