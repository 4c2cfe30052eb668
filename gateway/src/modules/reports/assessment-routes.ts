import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { allowedSites, principalOf, requireSite } from '../../platform/http/scope.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { principalName } from '../../platform/auth/principal.ts';
import { CHECKLIST, SECTIONS, automaticAnswers, score, type Answer } from './self-assessment.ts';
import type { AssessmentFigures } from './self-assessment.ts';
import type { AssessmentRepo } from './assessment-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { assessmentApi } from './assessment-api.ts';

/** The customer-centricity self-assessment: the checklist with the gateway's own answers, saved by date. */
export const assessmentRoutes: FastifyPluginAsyncTypebox<{
  services: {
    assessments: { repo: AssessmentRepo; figures: (siteId: string, now: number) => Promise<AssessmentFigures> };
    topology: TopologyRepo;
  };
}> = async (app, { services }) => {
  const knownSite = (siteId: string) => {
    if (!services.topology.sites().some((s) => s.id === siteId)) throw new HttpError(404, `No site "${siteId}"`);
  };

  app.get(
    '/api/assessments/checklist',
    {
      config: { access: 'cases:read' },
      schema: assessmentApi['GET /api/assessments/checklist'],
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
      schema: assessmentApi['POST /api/assessments'],
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
      const saved = services.assessments.repo.save({
        siteId,
        takenAt: Date.now(),
        takenBy: principalName(principalOf(request)),
        answers: merged,
        score: scores.total,
      });
      return reply.code(201).send({ ...saved, scores });
    },
  );

  app.get(
    '/api/assessments',
    {
      config: { access: 'cases:read' },
      schema: assessmentApi['GET /api/assessments'],
    },
    async (request) => {
      const { siteId, limit } = request.query;
      if (siteId) requireSite(request, siteId);
      const list = services.assessments.repo.list(siteId ? [siteId] : allowedSites(request), limit);
      return {
        assessments: list.map((a) => ({
          ...a,
          scores: score(Object.fromEntries(Object.entries(a.answers).map(([id, x]) => [id, x.answer]))),
        })),
      };
    },
  );
};
