import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { HttpServices } from '../services.ts';
import { AnswerSchema, PointSummarySchema } from '../schemas.ts';

export const pointRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  app.get(
    '/api/points',
    {
      schema: {
        tags: ['indices'],
        description: "Every point with its Happy Index over the site's local day so far",
        response: { 200: Type.Object({ minAnswers: Type.Integer(), points: Type.Array(PointSummarySchema) }) },
      },
    },
    async () => ({ minAnswers: services.config.indices.minAnswers, points: services.summaries.all() }),
  );

  app.get(
    '/api/answers',
    {
      schema: {
        tags: ['answers'],
        description: 'The most recent raw answers, newest first',
        querystring: Type.Object({
          pointId: Type.Optional(Type.String({ maxLength: 64 })),
          limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
        }),
        response: { 200: Type.Object({ answers: Type.Array(AnswerSchema) }) },
      },
    },
    async (request) => ({ answers: services.answers.recent(request.query) }),
  );
};
