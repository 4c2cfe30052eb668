import { api } from '@feedback/web-base/api-client.ts';

/** Every point the user may see, with its live summary. */
export const points = () => api.call('GET /api/points');

/** The devices the user may see, with their state. */
export const devices = () => api.call('GET /api/devices').then((r) => r.devices);

/** The surveys configured. */
export const surveys = () => api.call('GET /api/surveys').then((r) => r.surveys);
