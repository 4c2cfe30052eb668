import { Type } from '@sinclair/typebox';
import { ErrorBody, IndexResultSchema } from '../../platform/http/schemas.ts';
import { IndexFilter, IndexParams } from './index-filter-schema.ts';

/** Emotional indices only: the answer-only filters of the query that did not apply to camera windows. */
export const IgnoredFilters = Type.Array(
  Type.Union(['deviceId', 'channel', 'staffId', 'surveyId', 'questionId'].map((f) => Type.Literal(f))),
  { description: 'answer-only filters (device, channel, staff, survey, question) that emotional indices ignore' },
);

/** The schemas of index-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const indexApi = {
  'GET /api/indices/:index': {
    tags: ['indices'],
    description: 'One index over a filter and range, from the rollups; with n, its 95% interval, and enough = n ≥ the minimum',
    params: IndexParams,
    querystring: IndexFilter,
    response: {
      200: Type.Object({
        index: Type.String(),
        from: Type.Integer(),
        to: Type.Integer(),
        result: IndexResultSchema,
        ignoredFilters: Type.Optional(IgnoredFilters),
      }),
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
    description:
      "The index per minute, hour, local day or ISO week (whole buckets inside the range). Day and week buckets are each site's own local days, labelled by local date; minute and hour buckets are local when the query covers one time zone, whole UTC hours otherwise (`buckets` says which)",
    params: IndexParams,
    querystring: Type.Intersect([
      IndexFilter,
      Type.Object({ interval: Type.Union([Type.Literal('minute'), Type.Literal('hour'), Type.Literal('day'), Type.Literal('week')]) }),
    ]),
    response: {
      200: Type.Object({
        interval: Type.String(),
        buckets: Type.Union([Type.Literal('local'), Type.Literal('utc')], {
          description: "'local': buckets follow the sites' local clock; 'utc': whole UTC hours (sites in different time zones)",
        }),
        points: Type.Array(
          Type.Object({
            start: Type.Integer(),
            end: Type.Integer(),
            date: Type.Optional(Type.String({ description: "a day or week bucket's local date (a week's Monday), YYYY-MM-DD" })),
            result: IndexResultSchema,
          }),
        ),
        ignoredFilters: Type.Optional(IgnoredFilters),
      }),
      400: ErrorBody,
    },
  },
};
