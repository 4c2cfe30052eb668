import { api } from '@feedback/web-base/api-client.ts';

/** The staff pulse of a site, week by week. */
export const staffPulse = (siteId: string, weeks: number) => api.call('GET /api/pulse', { query: { siteId, weeks } });
