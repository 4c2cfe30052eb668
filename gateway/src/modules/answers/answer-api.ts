import { Type } from '@sinclair/typebox';
import { AnswerSchema, Id } from '../../platform/http/schemas.ts';

/** The schemas of answer-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
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
