import { Type } from '@sinclair/typebox';

/** The schemas of the routes in survey-routes.ts by method and path: the routes validate with them, the web apps' endpoint map (main/contract.ts) derives its types from them. */
export const surveyApi = {
  'GET /api/surveys': { tags: ['indices'], description: 'Every survey: id and name', response: { 200: Type.Object({ surveys: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }) } },
};
