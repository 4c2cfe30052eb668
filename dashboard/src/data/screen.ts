import { api } from '@feedback/web-base/api-client.ts';

/** What a staff screen shows of its point (its device token decides which). */
export const screenSummary = () => api.call('GET /api/screen/summary');
