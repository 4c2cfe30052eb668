import { api } from '@feedback/web-base/api-client.ts';
import type { QueryOf } from '@feedback/web-base/contract.ts';

/** Customers' comments under a filter. */
export const comments = (query: QueryOf<'GET /api/comments'>) => api.call('GET /api/comments', { query }).then((r) => r.comments);

/** Whether a comment may be shown publicly (with the customer's consent). */
export const setPublishable = (c: { deviceId: string; boot: number; seq: number }, publishable: boolean) =>
  api.call('PUT /api/comments/:deviceId/:boot/:seq/publishable', {
    params: { deviceId: c.deviceId, boot: c.boot, seq: c.seq },
    body: { publishable },
  });
