import { ErrorBody, OverviewSchema } from '../../platform/http/schemas.ts';
import { IndexFilter } from './index-filter-schema.ts';

/** The schemas of the routes in overview-routes.ts by method and path: the routes validate with them, the web apps' endpoint map (main/contract.ts) derives its types from them. */
export const overviewApi = {
  'GET /api/overview': {
    tags: ['indices'],
    description: 'Every index (with n, its 95% interval and enough) for the filter, and for the period of equal length just before it',
    querystring: IndexFilter,
    response: { 200: OverviewSchema, 400: ErrorBody },
  },
};
