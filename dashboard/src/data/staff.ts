import { api } from '@feedback/web-base/api-client.ts';

export const staff = () => api.call('GET /api/staff').then((r) => r.staff);

/** Names a staff member (creating them if new). */
export const putStaff = (id: string, name: string) => api.call('PUT /api/staff/:staffId', { params: { staffId: id }, body: { name } });

/** Shifts overlapping [from, to), earliest first. */
export const shifts = (from: number, to: number) =>
  api
    .call('GET /api/shifts', { query: { from: new Date(from).toISOString(), to: new Date(to).toISOString() } })
    .then((r) => r.shifts.sort((a, b) => a.startsAt - b.startsAt));

/** Who serves at a point from when to when. */
export const addShift = (staffId: string, pointId: string, from: Date, to: Date) =>
  api.call('POST /api/shifts', { body: { staffId, pointId, from: from.toISOString(), to: to.toISOString() } });
