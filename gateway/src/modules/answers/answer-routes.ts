import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { allowedSites, requirePoint } from '../../platform/http/scope.ts';
import type { AnswerQueries } from './answer-query-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { answerApi } from './answer-api.ts';

/** Raw answers, newest first, of the caller's sites. */
export const answerRoutes: FastifyPluginAsyncTypebox<{ services: { answers: AnswerQueries; topology: TopologyRepo } }> = async (
  app,
  { services },
) => {
  app.get(
    '/api/answers',
    {
      config: { access: 'answers:read' },
      schema: answerApi['GET /api/answers'],
    },
    async (request) => {
      if (request.query.pointId) requirePoint(request, (p) => services.topology.siteOfPoint(p), request.query.pointId);
      return { answers: services.answers.recent({ ...request.query, siteIds: allowedSites(request) }) };
    },
  );
};
