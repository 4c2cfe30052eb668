import { Type } from '@sinclair/typebox';
import { AnswerSchema, Id } from '../../platform/http/schemas.ts';

/** The schemas of the routes in answer-routes.ts by method and path: the routes validate with them, the web apps' endpoint map (main/contract.ts) derives its types from them. */
export const answerApi = {
  'GET /api/answers': {
    tags: ['answers'],
    description: 'The most recent raw answers, newest first',
    querystring: Type.Object({
      pointId: Type.Optional(Id),
      limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
    }),
    response: { 200: Type.Object({ answers: Type.Array(AnswerSchema) }) },
  },
};
