import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moduleApp, type ModuleApp } from '../../helpers/module-app.ts';
import { ShiftRepo } from '../../../src/modules/staff/shift-repo.ts';
import { shiftRoutes } from '../../../src/modules/staff/shift-routes.ts';
import { staffRoutes } from '../../../src/modules/staff/staff-routes.ts';

const SITES = [
  { id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' },
  { id: 'tokyo', name: 'Tokyo', timeZone: 'Asia/Tokyo' },
];
const POINTS = [
  { id: 'desk', siteId: 'berlin' },
  { id: 'door', siteId: 'tokyo' },
];
const MANAGER = ['staff:read', 'staff:write'] as const;

let m: ModuleApp;
let manager: { authorization: string };
beforeEach(async () => {
  m = await moduleApp({
    sites: SITES,
    points: POINTS,
    services: (store) => ({ shifts: new ShiftRepo(store.db), topology: store.topology }),
    routes: [staffRoutes, shiftRoutes],
  });
  manager = m.bearer([...MANAGER]);
  for (const [id, name] of [
    ['anna', 'Anna'],
    ['kenji', 'Kenji'],
  ])
    expect((await m.call('PUT', `/api/staff/${id}`, manager, { name })).statusCode).toBe(204);
});
afterEach(async () => m.close());

const shift = (staffId: string, pointId: string, from: string, to: string) => ({ staffId, pointId, from, to });

describe('the staff module: shifts over HTTP', () => {
  it('adds a shift and lists those overlapping the period asked for', async () => {
    const added = await m.call('POST', '/api/shifts', manager, shift('anna', 'desk', '2026-03-02T09:00:00Z', '2026-03-02T17:00:00Z'));
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      staffId: 'anna',
      pointId: 'desk',
      startsAt: Date.parse('2026-03-02T09:00:00Z'),
      endsAt: Date.parse('2026-03-02T17:00:00Z'),
    });
    await m.call('POST', '/api/shifts', manager, shift('kenji', 'door', '2026-03-09T00:00:00Z', '2026-03-09T08:00:00Z'));

    const week = (from: string, to: string) => m.call('GET', `/api/shifts?from=${from}&to=${to}`, manager);
    const ids = async (from: string, to: string) =>
      ((await week(from, to)).json() as { shifts: { staffId: string }[] }).shifts.map((s) => s.staffId);
    expect(await ids('2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z')).toEqual(['anna']); // [from, to): the shift starting at `to` is not in it
    expect(await ids('2026-03-02T16:59:00Z', '2026-03-10T00:00:00Z')).toEqual(['anna', 'kenji']);
    expect((await m.call('GET', '/api/shifts?pointId=door', manager)).json()).toMatchObject({ shifts: [{ staffId: 'kenji' }] });
  });

  it('refuses a shift that ends before it starts, of someone unknown, or at a point that is not there', async () => {
    const refused = async (body: object) => {
      const r = await m.call('POST', '/api/shifts', manager, body);
      return [r.statusCode, (r.json() as { message: string }).message];
    };
    expect(await refused(shift('anna', 'desk', '2026-03-02T17:00:00Z', '2026-03-02T09:00:00Z'))).toEqual([
      400,
      '"from" must be before "to"',
    ]);
    expect(await refused(shift('nobody', 'desk', '2026-03-02T09:00:00Z', '2026-03-02T17:00:00Z'))).toEqual([
      400,
      'no staff member "nobody"; PUT /api/staff/nobody first',
    ]);
    expect(await refused(shift('anna', 'attic', '2026-03-02T09:00:00Z', '2026-03-02T17:00:00Z'))).toEqual([400, 'no point "attic"']);
    expect(await refused(shift('anna', 'desk', '1999-12-31T23:00:00Z', '2026-03-02T17:00:00Z'))).toMatchObject([
      400,
      expect.stringContaining('"from" is not a real date-time'),
    ]);
  });

  it("keeps each caller to its permissions and sites: no credential 401, no staff:write 403, another site's point 403 and hidden", async () => {
    await m.call('POST', '/api/shifts', manager, shift('kenji', 'door', '2026-03-02T00:00:00Z', '2026-03-02T08:00:00Z'));
    const body = shift('anna', 'desk', '2026-03-02T09:00:00Z', '2026-03-02T17:00:00Z');
    expect((await m.call('POST', '/api/shifts', {}, body)).statusCode).toBe(401);
    expect((await m.call('POST', '/api/shifts', { authorization: 'Bearer fb_integration_not-a-token' }, body)).statusCode).toBe(401);
    expect((await m.call('POST', '/api/shifts', m.bearer(['staff:read']), body)).json()).toMatchObject({
      statusCode: 403,
      message: 'Not allowed: needs "staff:write"',
    });

    const tokyo = m.bearer([...MANAGER], ['tokyo']);
    expect((await m.call('POST', '/api/shifts', tokyo, body)).json()).toMatchObject({
      statusCode: 403,
      message: 'Not allowed: site "berlin" is outside your sites',
    });
    expect((await m.call('GET', '/api/shifts?pointId=desk', tokyo)).statusCode).toBe(403);
    expect((await m.call('GET', '/api/shifts', tokyo)).json()).toMatchObject({ shifts: [{ staffId: 'kenji', pointId: 'door' }] });
    expect(((await m.call('GET', '/api/shifts', tokyo)).json() as { shifts: unknown[] }).shifts).toHaveLength(1);
  });

  it('lists the staff by the names they were given last', async () => {
    await m.call('PUT', '/api/staff/anna', manager, { name: 'Anna K.' });
    expect((await m.call('GET', '/api/staff', manager)).json()).toEqual({
      staff: [
        { id: 'anna', name: 'Anna K.' },
        { id: 'kenji', name: 'Kenji' },
      ],
    });
    expect((await m.call('PUT', '/api/staff/anna', manager, { name: '' })).statusCode).toBe(400);
  });
});
