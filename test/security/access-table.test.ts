import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POINT, SITE, startTestGateway, type TestGateway } from '../helpers/test-gateway.ts';
import { signIn, type SignedIn } from '../helpers/sign-in.ts';
import { scopedToken, userSession } from '../helpers/identities.ts';
import { intendedAccess, PERMISSION_OF_ROLE } from './permissions.ts';

/**
 * Every route the gateway registers × every kind of caller × the path spellings an attacker
 * tries. A route added without an access declaration stops the gateway from starting, and one
 * whose declaration is wrong shows up here as an unexpected status.
 */

interface Identity {
  name: string;
  /** headers to send (cookies and CSRF token, or a bearer token) */
  headers: () => Record<string, string>;
  /** 'none' and 'invalid' get 401; otherwise the permissions held */
  holds: 'none' | 'invalid' | { permissions: Set<string>; user: boolean };
  /** signs in again after a logout */
  renew?: () => Promise<void>;
}

const SAMPLE: Record<string, string> = {
  id: '999999',
  index: 'happy',
  format: 'csv',
  pointId: POINT.id,
  staffId: 'staff-x',
  '*': 'index.html',
};

/** A concrete path for a route pattern: parameters replaced by sample values. */
function concrete(url: string): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => SAMPLE[name] ?? 'x').replace(/\*$/, SAMPLE['*']!);
}

/** The spellings of one path: the plain one, and what a raw-URL check would have missed. */
function variants(path: string): { name: string; path: string; sameRoute: boolean }[] {
  const i = path.search(/[a-z]/);
  const encoded = i < 0 ? path : `${path.slice(0, i)}%${path.charCodeAt(i).toString(16)}${path.slice(i + 1)}`;
  return [
    { name: 'plain', path, sameRoute: true },
    { name: 'percent-encoded letter', path: encoded, sameRoute: true },
    { name: 'encoded slash', path: path.replace(/(.)\/([^/]*)$/, '$1%2F$2'), sameRoute: false },
    { name: 'double slash', path: `/${path}`, sameRoute: false },
    { name: 'trailing slash', path: path.endsWith('/') ? path.slice(0, -1) : `${path}/`, sameRoute: false },
    { name: 'upper case', path: path.toUpperCase(), sameRoute: false },
  ];
}

let t: TestGateway;
let admin: SignedIn;
const identities: Identity[] = [];

beforeAll(async () => {
  t = await startTestGateway({ auth: { initialAdminPassword: 'correct horse battery', loginRatePerMinute: 100_000 } });
  admin = await t.login();
  const session = async (name: string, role: string, sites: string[]) => {
    let s = await userSession(t, admin, { username: name, role, sites });
    identities.push({
      name,
      headers: () => s.headers,
      holds: { permissions: PERMISSION_OF_ROLE[role]!, user: true },
      renew: async () => {
        s = await signIn(t.gateway.httpUrl, name, 'a long enough password');
      },
    });
  };
  await session('a-manager', 'manager', [SITE.id]);
  await session('a-viewer', 'viewer', [SITE.id]);
  let adminSession = admin;
  identities.push({
    name: 'admin',
    headers: () => adminSession.headers,
    holds: { permissions: PERMISSION_OF_ROLE.admin!, user: true },
    renew: async () => {
      adminSession = await t.login();
    },
  });
  const bearer = (name: string, token: string, permissions: string[]) =>
    identities.push({
      name,
      headers: () => ({ authorization: `Bearer ${token}` }),
      holds: { permissions: new Set(permissions), user: false },
    });
  bearer(
    'integration token (indices:read)',
    (await scopedToken(t, admin, { name: 'bi', kind: 'integration', scopes: ['indices:read'] })).token,
    ['indices:read'],
  );
  bearer(
    'integration token (traffic:write)',
    (await scopedToken(t, admin, { name: 'pos', kind: 'integration', scopes: ['traffic:write'] })).token,
    ['traffic:write'],
  );
  bearer('kiosk token', (await scopedToken(t, admin, { name: 'kiosk', kind: 'kiosk', deviceId: 'btn-1' })).token, ['kiosk']);
  bearer('screen token', (await scopedToken(t, admin, { name: 'tv', kind: 'screen', pointId: POINT.id })).token, ['screen']);
  bearer('device token', (await scopedToken(t, admin, { name: 'btn', kind: 'device', deviceId: 'btn-2' })).token, []);
  const revoked = await scopedToken(t, admin, { name: 'old', kind: 'integration', scopes: ['indices:read', 'answers:read'] });
  await fetch(`${t.gateway.httpUrl}/api/tokens/${revoked.id}`, { method: 'DELETE', headers: admin.headers });
  bearer('revoked token', revoked.token, []);
  identities[identities.length - 1]!.holds = 'invalid';
  const loggedOut = await t.login();
  await fetch(`${t.gateway.httpUrl}/api/auth/logout`, { method: 'POST', headers: loggedOut.headers });
  identities.push({ name: 'logged-out session', headers: () => loggedOut.headers, holds: 'invalid' });
  identities.push({ name: 'no credentials', headers: () => ({}), holds: 'none' });
  identities.push({ name: 'garbage token', headers: () => ({ authorization: 'Bearer fb_integration_garbage' }), holds: 'invalid' });
  identities.push({ name: 'garbage cookie', headers: () => ({ cookie: 'fb_session=garbage' }), holds: 'invalid' });
});

afterAll(async () => {
  await t?.close();
});

/** What a caller must get from a route: exactly 401, exactly 403, or anything but those two. */
function expectation(access: string, who: Identity): 401 | 403 | 'allowed' {
  if (access === 'public') return 'allowed';
  if (who.holds === 'none' || who.holds === 'invalid') return 401;
  if (access === 'session') return who.holds.user ? 'allowed' : 403;
  return who.holds.permissions.has(access) ? 'allowed' : 403;
}

describe('access table: every route × every caller × every path spelling', () => {
  it('declares an access for every route, and the table holds for every cell', async () => {
    const routes = t.gateway.routeAccess().filter((r) => r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(25);
    // Each route declares exactly the access the product intends (an undeclared one would not even start).
    expect(
      routes
        .filter((r) => r.access !== intendedAccess(r.method, r.url))
        .map((r) => `${r.method} ${r.url}: declares ${r.access}, intended ${intendedAccess(r.method, r.url)}`),
    ).toEqual([]);
    // logout last: it ends the caller's session, which then signs in again
    routes.sort((a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'));
    const wrong: string[] = [];
    let cells = 0;
    for (const route of routes) {
      for (const who of identities) {
        const expected = expectation(intendedAccess(route.method, route.url)!, who);
        for (const variant of variants(concrete(route.url))) {
          const response = await fetch(`${t.gateway.httpUrl}${variant.path}`, {
            method: route.method,
            headers: who.headers(),
            redirect: 'manual',
          });
          await response.arrayBuffer();
          cells++;
          const status = response.status;
          const ok = expected === 'allowed' ? status !== 401 && status !== 403 : status === expected;
          // Another spelling may route elsewhere (404); if it reaches this route it gets the same answer.
          const acceptable = ok || (!variant.sameRoute && status === 404);
          if (!acceptable) wrong.push(`${route.method} ${variant.path} (${variant.name}) as ${who.name}: ${status}, expected ${expected}`);
          if (!variant.sameRoute && expected !== 'allowed' && status < 400)
            wrong.push(`${route.method} ${variant.path} as ${who.name}: ${status} without access`);
          if (route.url === '/api/auth/logout' && status === 204) await who.renew?.();
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toBeGreaterThan(1000);
  }, 120_000);
});
