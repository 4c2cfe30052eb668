import { api } from '@feedback/web-base/api-client.ts';

export type ReportFormat = 'html' | 'pdf' | 'xlsx';

export const reports = (siteId: string, limit: number) =>
  api.call('GET /api/reports', { query: { ...(siteId ? { siteId } : {}), limit } }).then((r) => r.reports);

/** Makes a report of a site over [from, to). */
export const makeReport = (siteId: string, from: number, to: number) => api.call('POST /api/reports', { body: { siteId, from, to } });

/** A made report's file, for a link. */
export const reportHref = (id: number, format: ReportFormat) => api.href('GET /api/reports/:id/report.:format', { params: { id, format } });
