import { api } from '@feedback/web-base/api-client.ts';
import type { QueryOf } from '@feedback/web-base/contract.ts';
import type { IndexName } from '../index-names.ts';

/** The filter every index, breakdown and trend takes (site, point, channel, device, survey, range). */
export type IndexFilterQuery = QueryOf<'GET /api/overview'>;
export type TrendInterval = QueryOf<'GET /api/indices/:index/trend'>['interval'];
export type BreakdownDimension = QueryOf<'GET /api/indices/:index/breakdown'>['by'];

/** Every index over the filter, with live points' summaries. */
export const overview = (query: IndexFilterQuery) => api.call('GET /api/overview', { query });

/** One index bucket by bucket. */
export const trend = (index: IndexName, query: IndexFilterQuery, interval: TrendInterval) =>
  api.call('GET /api/indices/:index/trend', { params: { index }, query: { ...query, interval } }).then((r) => r.points);

/** One index per group (point, staff member, hour of day...). */
export const breakdown = (index: IndexName, query: IndexFilterQuery, by: BreakdownDimension) =>
  api.call('GET /api/indices/:index/breakdown', { params: { index }, query: { ...query, by } }).then((r) => r.groups);

/** The filter over one [from, to): what the answer export takes (it has no local-days form). */
export type RangeFilterQuery = QueryOf<'GET /api/export/answers.:format'>;

/** The raw answers under a filter, as a file to download. */
export const answersExportHref = (format: 'csv' | 'xlsx', query: RangeFilterQuery) =>
  api.href('GET /api/export/answers.:format', { params: { format }, query });
