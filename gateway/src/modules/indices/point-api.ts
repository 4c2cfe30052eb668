import { Type } from '@sinclair/typebox';
import { ErrorBody, Id, PointsResponseSchema } from '../../platform/http/schemas.ts';

/** The schemas of the routes in point-routes.ts by method and path: the routes validate with them, the web apps' endpoint map (main/contract.ts) derives its types from them. */
export const pointApi = {
  'GET /api/points': {
    tags: ['indices'],
    description: "Every point with its Happy Index over the site's local day so far",
    response: { 200: PointsResponseSchema },
  },
  'POST /api/points/:pointId/invite': {
    tags: ['devices'],
    description: 'Session ("invite") mode: opens one rating at the point; the first press counts, the rest are misuse',
    params: Type.Object({ pointId: Id }),
    response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody },
  },
};
