import { Type } from '@sinclair/typebox';
import { ErrorBody, Id, PointsResponseSchema } from '../../platform/http/schemas.ts';

/** The schemas of point-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
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
