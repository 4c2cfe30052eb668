import { ErrorBody, ScreenSummarySchema } from '../../platform/http/schemas.ts';

/** The schemas of screen-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const screenApi = {
  'GET /api/screen/summary': {
    tags: ['screen'],
    description: "The screen token's point: today's Happy Index against its goal, and the run of positive answers",
    response: { 200: ScreenSummarySchema, 404: ErrorBody },
  },
};
