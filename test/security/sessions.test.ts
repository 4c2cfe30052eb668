import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { DEVICES, POINT, SITE, startTestGateway, type TestGateway } from '../helpers/test-gateway.ts';
import { cookiesOf, signIn, type SignedIn } from '../helpers/sign-in.ts';
import { PASSWORD, scopedToken, userSession } from '../helpers/identities.ts';

const SITE_B = { id: 'branch-2', name: 'Branch 2', timeZone: 'Asia/Shanghai' };
const POINT_B = { id: 'reception-b', siteId: SITE_B.id, name: 'Reception' };
const DEVICE_B = {
  id: 'btn-b',
  pointId: POINT_B.id,
  kind: 'button' as const,
  buttons: 4,
  responseIntervalMs: 0,
  mqttPassword: 'btn-b-secret',
};

let t: TestGateway;
let admin: SignedIn;
const url = (path: string) => `${t.gateway.httpUrl}${path}`;
const json = (session: SignedIn, method: string, body: unknown) => ({
  method,
  headers: { ...session.headers, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

beforeAll(async () => {
  t = await startTestGateway({ sites: [SITE, SITE_B], points: [POINT, POINT_B], devices: [...DEVICES, DEVICE_B] });
  admin = await t.login();
});
afterAll(async () => {
  await t?.close();
});

/** Waits until a socket connects, or rejects with its connect error. */
function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
}

describe('browser sessions', () => {
  it('keeps the session in an HttpOnly, Secure, SameSite=Strict cookie and never in the body', async () => {
    const response = await fetch(url('/api/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'correct horse battery' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['csrfToken', 'expiresAt', 'user']);
    const session = response.headers.getSetCookie().find((c) => c.startsWith('fb_session='))!;
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; SameSite=Strict/i);
  });

  it('refuses a change made with the session cookie but without the CSRF token', async () => {
    const session = await t.login();
    const body = JSON.stringify({ name: 'Ann' });
    const without = await fetch(url('/api/staff/ann'), {
      method: 'PUT',
      headers: { cookie: session.cookie, 'content-type': 'application/json' },
      body,
    });
    expect(without.status).toBe(403);
    const forged = await fetch(url('/api/staff/ann'), {
      method: 'PUT',
      headers: { cookie: session.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' },
      body,
    });
    expect(forged.status).toBe(403);
    const ok = await fetch(url('/api/staff/ann'), {
      method: 'PUT',
      headers: { ...session.headers, 'content-type': 'application/json' },
      body,
    });
    expect(ok.status).toBe(204);
  });

  it('sends security headers on the apps, the API and the docs', async () => {
    for (const path of ['/dashboard/', '/kiosk/', '/api/points', '/docs/', '/health']) {
      const response = await fetch(url(path), { headers: admin.headers });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('closes a live socket when its session signs out, and when its token is revoked', async () => {
    const session = await t.login();
    const socket = io(t.gateway.httpUrl, {
      path: '/socket.io',
      extraHeaders: { cookie: session.cookie },
      transports: ['websocket'],
      reconnection: false,
    });
    await connected(socket);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect((await fetch(url('/api/auth/logout'), { method: 'POST', headers: session.headers })).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    const again = io(t.gateway.httpUrl, {
      path: '/socket.io',
      extraHeaders: { cookie: session.cookie },
      transports: ['websocket'],
      reconnection: false,
    });
    await expect(connected(again)).rejects.toThrow(/unauthorized/);
    again.close();

    const screen = await scopedToken(t, admin, { name: 'tv', kind: 'screen', pointId: POINT.id });
    const tv = io(t.gateway.httpUrl, { path: '/socket.io', auth: { token: screen.token }, transports: ['websocket'], reconnection: false });
    await connected(tv);
    const tvClosed = new Promise<string>((resolve) => tv.once('disconnect', resolve));
    expect((await fetch(url(`/api/tokens/${screen.id}`), { method: 'DELETE', headers: admin.headers })).status).toBe(204);
    expect(await tvClosed).toBe('io server disconnect');
  });

  it('closes a live socket when its session expires, without a request to notice', async () => {
    const short = await startTestGateway({ auth: { initialAdminPassword: 'correct horse battery', sessionHours: 5 / 3600 } });
    try {
      const response = await fetch(`${short.gateway.httpUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'correct horse battery' }),
      });
      const { expiresAt } = (await response.json()) as { expiresAt: number };
      const cookie = cookiesOf(response);
      const socket = io(short.gateway.httpUrl, {
        path: '/socket.io',
        extraHeaders: { cookie },
        transports: ['websocket'],
        reconnection: false,
      });
      await connected(socket);
      const reason = await new Promise<string>((resolve) => socket.once('disconnect', resolve));
      expect(reason).toBe('io server disconnect');
      expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    } finally {
      await short.close();
    }
  }, 20_000);

  it('ends the other sessions of a user whose password changes', async () => {
    const first = await userSession(t, admin, { username: 'changer', role: 'viewer', sites: [SITE.id] });
    const second = await signIn(t.gateway.httpUrl, 'changer', PASSWORD);
    const changed = await fetch(
      url('/api/auth/password'),
      json(first, 'POST', { currentPassword: PASSWORD, newPassword: 'another long password' }),
    );
    expect(changed.status).toBe(200);
    expect((await fetch(url('/api/points'), { headers: second.headers })).status).toBe(401);
    expect((await fetch(url('/api/points'), { headers: first.headers })).status).toBe(401);
    expect((await fetch(url('/api/points'), { headers: { cookie: cookiesOf(changed) } })).status).toBe(200);
  });
});

describe('roles and sites', () => {
  it('refuses a viewer every write, in the API', async () => {
    const viewer = await userSession(t, admin, { username: 'viewer-1', role: 'viewer', sites: [SITE.id] });
    const writes: [string, string, unknown][] = [
      ['POST', '/api/customers', { pointId: POINT.id, from: '2026-03-02T09:00:00Z', to: '2026-03-02T10:00:00Z', count: 5 }],
      ['PUT', '/api/staff/s1', { name: 'Sam' }],
      ['POST', '/api/shifts', { staffId: 'ann', pointId: POINT.id, from: '2026-03-02T09:00:00Z', to: '2026-03-02T10:00:00Z' }],
      ['POST', `/api/points/${POINT.id}/invite`, undefined],
      ['POST', '/api/alerts/1/ack', {}],
      ['POST', '/api/users', { username: 'x1', password: 'a long enough password', role: 'admin' }],
      ['POST', '/api/tokens', { name: 'x', kind: 'integration', scopes: ['indices:read'] }],
    ];
    for (const [method, path, body] of writes) {
      const response = await fetch(url(path), body === undefined ? { method, headers: viewer.headers } : json(viewer, method, body));
      expect(response.status, `${method} ${path}`).toBe(403);
    }
    expect((await fetch(url('/api/points'), { headers: viewer.headers })).status).toBe(200);
  });

  it("keeps a manager to their own sites: another site's data is refused or absent", async () => {
    const manager = await userSession(t, admin, { username: 'manager-b', role: 'manager', sites: [SITE_B.id] });
    const status = async (path: string) => (await fetch(url(path), { headers: manager.headers })).status;
    const range = 'from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z';
    expect(await status(`/api/indices/happy?siteId=${SITE.id}&${range}`)).toBe(403);
    expect(await status(`/api/indices/happy?pointId=${POINT.id}&${range}`)).toBe(403);
    expect(await status(`/api/indices/happy/breakdown?by=point&${range}`)).toBe(200);
    expect(await status(`/api/answers?pointId=${POINT.id}`)).toBe(403);
    expect(await status(`/api/export/answers.csv?siteId=${SITE.id}&${range}`)).toBe(403);
    expect(await status(`/api/shifts?pointId=${POINT.id}`)).toBe(403);
    const points = (await (await fetch(url('/api/points'), { headers: manager.headers })).json()) as { points: { pointId: string }[] };
    expect(points.points.map((p) => p.pointId)).toEqual([POINT_B.id]);
    const breakdown = (await (await fetch(url(`/api/indices/happy/breakdown?by=point&${range}`), { headers: manager.headers })).json()) as {
      groups: { group: string }[];
    };
    expect(breakdown.groups.every((g) => g.group === POINT_B.id)).toBe(true);
    const devices = (await (await fetch(url('/api/devices'), { headers: manager.headers })).json()) as { devices: { id: string }[] };
    expect(devices.devices.map((d) => d.id)).toEqual([DEVICE_B.id]);
    const customers = await fetch(
      url('/api/customers'),
      json(manager, 'POST', { pointId: POINT.id, from: '2026-03-02T09:00:00Z', to: '2026-03-02T10:00:00Z', count: 5 }),
    );
    expect(customers.status).toBe(403);
    const own = await fetch(
      url('/api/customers'),
      json(manager, 'POST', { pointId: POINT_B.id, from: '2026-03-02T09:00:00Z', to: '2026-03-02T10:00:00Z', count: 5 }),
    );
    expect(own.status).toBe(204);
  });

  it('gives each token only its job', async () => {
    const kiosk = await scopedToken(t, admin, { name: 'kiosk', kind: 'kiosk', deviceId: DEVICES[0]!.id });
    const screen = await scopedToken(t, admin, { name: 'tv', kind: 'screen', pointId: POINT.id });
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    expect((await fetch(url('/api/screen/summary'), { headers: bearer(screen.token) })).status).toBe(200);
    expect((await fetch(url('/api/points'), { headers: bearer(screen.token) })).status).toBe(403);
    expect((await fetch(url('/api/answers'), { headers: bearer(kiosk.token) })).status).toBe(403);
    expect((await fetch(url('/api/screen/summary'), { headers: bearer(kiosk.token) })).status).toBe(403);
    const list = (await (await fetch(url('/api/tokens'), { headers: admin.headers })).json()) as { tokens: Record<string, unknown>[] };
    expect(JSON.stringify(list)).not.toContain(kiosk.token);
  });
});

describe('first sign-in with a generated password', () => {
  it('must change the password before anything else', async () => {
    const fresh = await startTestGateway({ auth: {} });
    try {
      const generated = readFileSync(join(fresh.dataDir, 'initial-admin-password'), 'utf8').trim();
      const first = await signIn(fresh.gateway.httpUrl, 'admin', generated);
      const blocked = await fetch(`${fresh.gateway.httpUrl}/api/points`, { headers: first.headers });
      expect(blocked.status).toBe(403);
      expect(((await blocked.json()) as { error: string }).error).toBe('PasswordChangeRequired');
      const me = (await (await fetch(`${fresh.gateway.httpUrl}/api/auth/me`, { headers: first.headers })).json()) as {
        user: { mustChangePassword: boolean };
      };
      expect(me.user.mustChangePassword).toBe(true);
      const changed = await fetch(`${fresh.gateway.httpUrl}/api/auth/password`, {
        method: 'POST',
        headers: { ...first.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ currentPassword: generated, newPassword: 'my own long password' }),
      });
      expect(changed.status).toBe(200);
      expect((await fetch(`${fresh.gateway.httpUrl}/api/points`, { headers: { cookie: cookiesOf(changed) } })).status).toBe(200);
      await expect(signIn(fresh.gateway.httpUrl, 'admin', generated)).rejects.toThrow(/401/);
    } finally {
      await fresh.close();
    }
  });
});
