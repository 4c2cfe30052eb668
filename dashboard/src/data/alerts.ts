import { api } from '@feedback/web-base/api-client.ts';

/** The latest alerts, of one point or of all the user may see. */
export const recentAlerts = (limit: number, pointId?: string) =>
  api.call('GET /api/alerts', { query: { limit, ...(pointId ? { pointId } : {}) } }).then((r) => r.alerts);

/** Acknowledged by the signed-in user, with an optional comment (the root cause). */
export const acknowledgeAlert = (id: number, comment: string) =>
  api.call('POST /api/alerts/:id/ack', { params: { id }, body: comment ? { comment } : {} });
