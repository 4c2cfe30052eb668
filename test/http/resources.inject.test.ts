import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICES, POINT, SITE, startTestGateway, TEST_PASSWORD, type TestGateway } from '../helpers/test-gateway.ts';

/**
 * Each HTTP resource through fastify's inject (no network): the usual answer and its refusals,
 * against a real gateway with a real SQLite file. The end-to-end tests cover the same routes
 * over the listening server.
 */
let t: TestGateway;
let headers: Record<string, string>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const call = async (method: Method, url: string, payload?: unknown, extra: Record<string, string> = {}) => {
  const response = await t.gateway.inject({
    method,
    url,
    headers: { ...headers, ...extra },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return {
    status: response.statusCode,
    body: response.headers['content-type']?.toString().includes('json') ? (response.json() as Record<string, unknown>) : response.body,
    headers: response.headers,
  };
};
const HOUR = { from: '2026-03-02T09:00:00Z', to: '2026-03-02T10:00:00Z' };
const RANGE = 'from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z';

beforeAll(async () => {
  t = await startTestGateway();
  const login = await t.gateway.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: TEST_PASSWORD } });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  headers = { cookie, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
});
afterAll(async () => {
  await t?.close();
});

describe('operations', () => {
  it('/health says ready with no reason; /metrics serves Prometheus text', async () => {
    expect((await call('GET', '/health')).body).toMatchObject({ status: 'ready', reason: null });
    const metrics = await call('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(String(metrics.body)).toContain('feedback_answers_stored_total');
  });
});

describe('auth', () => {
  it('refuses a malformed sign-in with 400 and answers /me with the user and a CSRF token', async () => {
    expect((await call('POST', '/api/auth/login', { username: 'admin' })).status).toBe(400);
    const me = await call('GET', '/api/auth/me');
    expect(me.body).toMatchObject({ user: { username: 'admin', role: 'admin', mustChangePassword: false } });
    expect(typeof (me.body as { csrfToken: unknown }).csrfToken).toBe('string');
  });
});

describe('users', () => {
  it('creates a user once, refuses an unknown site, and protects the last admin', async () => {
    const created = await call('POST', '/api/users', {
      username: 'mia',
      password: 'a long enough password',
      role: 'manager',
      sites: [SITE.id],
    });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('password');
    expect((await call('POST', '/api/users', { username: 'mia', password: 'a long enough password', role: 'viewer' })).status).toBe(409);
    expect(
      (await call('POST', '/api/users', { username: 'ola', password: 'a long enough password', role: 'viewer', sites: ['mars'] })).status,
    ).toBe(400);
    expect((await call('POST', '/api/users', { username: 'short', password: 'short', role: 'viewer' })).status).toBe(400);
    const admin = ((await call('GET', '/api/users')).body as { users: { id: number; username: string }[] }).users.find(
      (u) => u.username === 'admin',
    )!;
    expect((await call('PATCH', `/api/users/${admin.id}`, { role: 'viewer' })).status).toBe(400);
    expect((await call('DELETE', '/api/users/999999')).status).toBe(404);
  });
});

describe('tokens', () => {
  it('needs scopes for an integration token and a point for a screen; never lists a secret', async () => {
    expect((await call('POST', '/api/tokens', { name: 'bi', kind: 'integration' })).status).toBe(400);
    expect((await call('POST', '/api/tokens', { name: 'tv', kind: 'screen' })).status).toBe(400);
    expect((await call('POST', '/api/tokens', { name: 'k', kind: 'kiosk', deviceId: 'nowhere' })).status).toBe(400);
    const made = await call('POST', '/api/tokens', { name: 'bi', kind: 'integration', scopes: ['indices:read'] });
    expect(made.status).toBe(201);
    const secret = (made.body as { token: string }).token;
    expect(JSON.stringify((await call('GET', '/api/tokens')).body)).not.toContain(secret);
    expect((await call('DELETE', '/api/tokens/999999')).status).toBe(404);
  });
});

describe('points, answers, devices, cameras', () => {
  it('lists the configured point and devices; refuses an invite to an unknown point and a zero limit', async () => {
    expect(((await call('GET', '/api/points')).body as { points: { pointId: string }[] }).points.map((p) => p.pointId)).toEqual([POINT.id]);
    expect((await call('POST', `/api/points/${POINT.id}/invite`)).status).toBe(204);
    expect((await call('POST', '/api/points/nowhere/invite')).status).toBe(404);
    expect((await call('GET', '/api/answers?limit=0')).status).toBe(400);
    expect((await call('GET', '/api/answers?pointId=nowhere')).status).toBe(404);
    expect(((await call('GET', '/api/devices')).body as { devices: { id: string }[] }).devices.map((d) => d.id)).toEqual(
      DEVICES.map((d) => d.id),
    );
    expect((await call('GET', '/api/cameras')).body).toMatchObject({ cameras: [], emotion: { state: 'off' } });
  });
});

describe('indices', () => {
  it('answers an index with n and refuses an unknown index, an unknown site and a backwards range', async () => {
    expect((await call('GET', `/api/indices/happy?${RANGE}`)).body).toMatchObject({ index: 'happy', result: { n: 0, enough: false } });
    expect((await call('GET', `/api/indices/joy?${RANGE}`)).status).toBe(400);
    expect((await call('GET', `/api/indices/happy?siteId=mars&${RANGE}`)).status).toBe(400);
    expect((await call('GET', '/api/indices/happy?from=2026-03-03T00:00:00Z&to=2026-03-01T00:00:00Z')).status).toBe(400);
    expect((await call('GET', `/api/indices/happy/trend?interval=day&${RANGE}`)).body).toMatchObject({ interval: 'day' });
  });
});

describe('overview', () => {
  it('answers every index for the range and for the period of equal length before it; refuses a backwards range', async () => {
    const { status, body } = await call('GET', `/api/overview?${RANGE}`);
    expect(status).toBe(200);
    const overview = body as {
      from: number;
      to: number;
      previous: { from: number; to: number };
      indices: { index: string; result: { n: number } }[];
    };
    expect(overview.previous).toEqual({ from: overview.from - (overview.to - overview.from), to: overview.from });
    expect(overview.indices.map((i) => i.index)).toContain('emotionalNps');
    expect(overview.indices).toHaveLength(12);
    expect((await call('GET', '/api/overview?from=2026-03-03T00:00:00Z&to=2026-03-01T00:00:00Z')).status).toBe(400);
    expect((await call('GET', `/api/overview?${RANGE}&siteId=nowhere`)).status).toBe(400);
  });
});

describe('customers, staff, shifts', () => {
  it('records customers served, imports CSV listing bad lines, and keeps shifts to known staff', async () => {
    expect((await call('POST', '/api/customers', { pointId: POINT.id, ...HOUR, count: 12 })).status).toBe(204);
    const csv = `pointId,from,to,count\n${POINT.id},${HOUR.from},${HOUR.to},5\nnowhere,${HOUR.from},${HOUR.to},5\n`;
    expect((await call('POST', '/api/customers/import', csv, { 'content-type': 'text/csv' })).body).toEqual({
      imported: 1,
      errors: [{ line: 3, message: 'no point "nowhere"' }],
    });
    expect((await call('POST', '/api/shifts', { staffId: 'zoe', pointId: POINT.id, ...HOUR })).status).toBe(400);
    expect((await call('PUT', '/api/staff/zoe', { name: 'Zoe' })).status).toBe(204);
    expect((await call('GET', '/api/staff')).body).toEqual({ staff: [{ id: 'zoe', name: 'Zoe' }] });
    expect((await call('POST', '/api/shifts', { staffId: 'zoe', pointId: POINT.id, from: HOUR.to, to: HOUR.from })).status).toBe(400);
    expect((await call('POST', '/api/shifts', { staffId: 'zoe', pointId: POINT.id, ...HOUR })).status).toBe(201);
    expect(((await call('GET', `/api/shifts?pointId=${POINT.id}`)).body as { shifts: unknown[] }).shifts).toHaveLength(1);
    // a period lists the shifts overlapping it, ends excluded
    const listed = async (query: string) => ((await call('GET', `/api/shifts?${query}`)).body as { shifts: unknown[] }).shifts.length;
    expect(await listed('from=2026-03-02T09:59:00Z&to=2026-03-03T00:00:00Z')).toBe(1);
    expect(await listed('from=2026-03-02T10:00:00Z&to=2026-03-09T00:00:00Z')).toBe(0);
    expect(await listed('from=2026-02-23T00:00:00Z&to=2026-03-02T09:00:00Z')).toBe(0);
    expect((await call('GET', '/api/shifts?from=2026-03-09T00:00:00Z&to=2026-03-02T00:00:00Z')).status).toBe(400);
    expect((await call('GET', '/api/shifts?from=yesterday')).status).toBe(400);
  });
});

describe('alerts, webhooks, export', () => {
  it('refuses to acknowledge an unknown alert, lists no deliveries, and exports CSV with its header', async () => {
    expect((await call('GET', '/api/alerts')).body).toEqual({ alerts: [] });
    expect((await call('POST', '/api/alerts/999/ack', {})).status).toBe(404);
    expect((await call('GET', '/api/webhooks/deliveries')).body).toEqual({ deliveries: [] });
    const csv = await call('GET', `/api/export/answers.csv?${RANGE}`);
    expect(csv.status).toBe(200);
    expect(String(csv.body).split('\n')[0]).toMatch(/^id,occurredAt,receivedAt,siteId,pointId/);
    expect((await call('GET', '/api/export/answers.pdf?' + RANGE)).status).toBe(400);
  });
});

describe('pairing codes', () => {
  it('issue a short code for a screen or kiosk that is exchanged once, in any spelling, for a token that works', async () => {
    expect((await call('POST', '/api/tokens/pairing-codes', { kind: 'screen', name: 'tv' })).status).toBe(400);
    expect((await call('POST', '/api/tokens/pairing-codes', { kind: 'kiosk', name: 'k', deviceId: 'nobody' })).status).toBe(400);
    const issued = await call('POST', '/api/tokens/pairing-codes', { kind: 'screen', name: 'front desk TV', pointId: POINT.id });
    expect(issued.status).toBe(201);
    const { code } = issued.body as { code: string };
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const paired = await call('POST', '/api/pair', { code: ` ${code.toLowerCase().replace('-', ' ')} ` }, { cookie: '' });
    expect(paired.status).toBe(201);
    const { token } = paired.body as { token: string };
    expect((await call('GET', '/api/screen/summary', undefined, { cookie: '', authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await call('POST', '/api/pair', { code }, { cookie: '' })).status).toBe(404);
  });
});

describe('kiosk and screen', () => {
  it('serve only their own token kinds', async () => {
    expect((await call('GET', '/api/kiosk/survey')).status).toBe(403);
    const kiosk = (await call('POST', '/api/tokens', { name: 'k', kind: 'kiosk', deviceId: DEVICES[0]!.id })).body as { token: string };
    const asKiosk = { cookie: '', authorization: `Bearer ${kiosk.token}` };
    expect((await call('GET', '/api/kiosk/survey', undefined, asKiosk)).status).toBe(404); // its device has no survey
    const screen = (await call('POST', '/api/tokens', { name: 'tv', kind: 'screen', pointId: POINT.id })).body as { token: string };
    expect(
      (await call('GET', '/api/screen/summary', undefined, { cookie: '', authorization: `Bearer ${screen.token}` })).body,
    ).toMatchObject({ point: { pointId: POINT.id }, streak: 0 });
  });
});
