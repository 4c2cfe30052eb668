import { ErrorBody, OverviewSchema } from '../../platform/http/schemas.ts';
import { IndexFilter } from './index-filter-schema.ts';

/** The schemas of overview-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const overviewApi = {
  'GET /api/overview': {
    tags: ['indices'],
    description: 'Every index (with n, its 95% interval and enough) for the filter, and for the period of equal length just before it',
    querystring: IndexFilter,
    response: { 200: OverviewSchema, 400: ErrorBody },
  },
};
