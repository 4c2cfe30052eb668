import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { HttpServices } from '../services.ts';
import { AnswerSchema, Id, PointsResponseSchema } from '../schemas.ts';
import { allowedSites, mayUseSite, requirePoint } from '../scope.ts';

export const pointRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  app.get(
    '/api/points',
    {
      config: { access: 'indices:read' },
      schema: {
        tags: ['indices'],
        description: "Every point with its Happy Index over the site's local day so far",
        response: { 200: PointsResponseSchema },
      },
    },
    async (request) => ({
      minAnswers: services.config.indices.minAnswers,
      points: services.summaries.forPoints(new Set(services.topology.points().filter((p) => mayUseSite(request, p.siteId)).map((p) => p.id))),
    }),
  );

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
