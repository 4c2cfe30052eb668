import { Type } from '@sinclair/typebox';
import { ErrorBody, Id } from '../../platform/http/schemas.ts';
import { PulseWeekSchema } from '../cases/schemas.ts';

/** The schemas of pulse-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const pulseApi = {
  'GET /api/pulse': {
    tags: ['staff'],
    querystring: Type.Object({ siteId: Id, weeks: Type.Integer({ minimum: 1, maximum: 104, default: 8 }) }),
    response: { 200: Type.Object({ minGroup: Type.Integer(), weeks: Type.Array(PulseWeekSchema) }), 403: ErrorBody, 404: ErrorBody },
  },
};
