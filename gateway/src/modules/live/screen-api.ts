import { ErrorBody, ScreenSummarySchema } from '../../platform/http/schemas.ts';

/** The schemas of the routes in screen-routes.ts by method and path: the routes validate with them, the web apps' endpoint map (main/contract.ts) derives its types from them. */
export const screenApi = {
  'GET /api/screen/summary': { tags: ['screen'], description: "The screen token's point: today's Happy Index against its goal, and the run of positive answers", response: { 200: ScreenSummarySchema, 404: ErrorBody } },
};
