import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AnswerSchema, Id } from '../../platform/http/schemas.ts';
import { allowedSites, requirePoint } from '../../platform/http/scope.ts';
import type { AnswerQueries } from './answer-query-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';

/** Raw answers, newest first, of the caller's sites. */
export const answerRoutes: FastifyPluginAsyncTypebox<{ services: { answers: AnswerQueries; topology: TopologyRepo } }> = async (app, { services }) => {
  app.get(
    '/api/answers',
    {
      config: { access: 'answers:read' },
      schema: {
        tags: ['answers'],
        description: 'The most recent raw answers, newest first',
        querystring: Type.Object({
          pointId: Type.Optional(Id),
          limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
        }),
        response: { 200: Type.Object({ answers: Type.Array(AnswerSchema) }) },
      },
    },
    async (request) => {
      if (request.query.pointId) requirePoint(request, (p) => services.topology.siteOfPoint(p), request.query.pointId);
      return { answers: services.answers.recent({ ...request.query, siteIds: allowedSites(request) }) };
    },
  );
};
