import { Type } from '@sinclair/typebox';

/** The schemas of survey-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const surveyApi = {
  'GET /api/surveys': {
    tags: ['indices'],
    description: 'Every survey: id and name',
    response: { 200: Type.Object({ surveys: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }) },
  },
};
