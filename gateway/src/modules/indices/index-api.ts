import { Type } from '@sinclair/typebox';
import { ErrorBody, IndexResultSchema } from '../../platform/http/schemas.ts';
import { IndexFilter, IndexParams } from './index-filter-schema.ts';

/** The schemas of index-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const indexApi = {
  'GET /api/indices/:index': {
    tags: ['indices'],
    description: 'One index over a filter and range, from the rollups; with n, its 95% interval, and enough = n ≥ the minimum',
    params: IndexParams,
    querystring: IndexFilter,
    response: {
      200: Type.Object({ index: Type.String(), from: Type.Integer(), to: Type.Integer(), result: IndexResultSchema }),
      400: ErrorBody,
    },
  },
  'GET /api/indices/:index/breakdown': {
    tags: ['indices'],
    description: 'The index per point, per staff member, per local hour of day or per ISO weekday (1 = Monday)',
    params: IndexParams,
    querystring: Type.Intersect([
      IndexFilter,
      Type.Object({
        by: Type.Union([
          Type.Literal('point'),
          Type.Literal('staff'),
          Type.Literal('hourOfDay'),
          Type.Literal('dayOfWeek'),
          Type.Literal('hourOfWeek'),
        ]),
      }),
    ]),
    response: {
      200: Type.Object({ by: Type.String(), groups: Type.Array(Type.Object({ group: Type.String(), result: IndexResultSchema })) }),
      400: ErrorBody,
    },
  },
  'GET /api/indices/:index/trend': {
    tags: ['indices'],
    description: 'The index per minute, hour, local day or ISO week (whole buckets inside the range)',
    params: IndexParams,
    querystring: Type.Intersect([
      IndexFilter,
      Type.Object({ interval: Type.Union([Type.Literal('minute'), Type.Literal('hour'), Type.Literal('day'), Type.Literal('week')]) }),
    ]),
    response: {
      200: Type.Object({
        interval: Type.String(),
        points: Type.Array(Type.Object({ start: Type.Integer(), end: Type.Integer(), result: IndexResultSchema })),
      }),
      400: ErrorBody,
    },
  },
};
