import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, TEST_PASSWORD, type TestGateway } from '../helpers/test-gateway.ts';
import { postJsonFrom } from '../helpers/post-from.ts';

let t: TestGateway;
const login = (username: string, password: string) =>
  fetch(`${t.gateway.httpUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

/** A sign-in from another loopback address: another client as the gateway sees it. */
const loginFrom = (localAddress: string, username: string, password: string) =>
  postJsonFrom(`${t.gateway.httpUrl}/api/auth/login`, { username, password }, localAddress);

beforeAll(async () => {
  t = await startTestGateway({
    auth: { initialAdminPassword: TEST_PASSWORD, maxFailuresPerUser: 3, maxFailuresPerAddress: 6, lockoutMinutes: 10 },
  });
});
afterAll(async () => {
  await t?.close();
});

describe('login lockout over HTTP', () => {
  it('locks a user name after repeated failures: 429 with Retry-After, even for the right password', async () => {
    for (let i = 0; i < 3; i++) expect((await login('admin', 'wrong password')).status).toBe(401);
    const locked = await login('admin', TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(500);
  });

  it('hurts only the guesser: the user still signs in from another address, where they signed in before', async () => {
    // the lockout above was earned from 127.0.0.1; the admin at another desk is not locked out
    expect(await loginFrom('127.0.0.2', 'admin', TEST_PASSWORD)).toBe(200);
    // and a guesser at a third address locks only itself
    for (let i = 0; i < 3; i++) expect(await loginFrom('127.0.0.3', 'admin', 'wrong password')).toBe(401);
    expect(await loginFrom('127.0.0.3', 'admin', TEST_PASSWORD)).toBe(429);
    expect(await loginFrom('127.0.0.2', 'admin', TEST_PASSWORD)).toBe(200);
  });

  it('locks the address that keeps guessing other names', async () => {
    // three more failures from this address (three were counted above) reach its limit of six
    for (const name of ['a', 'b', 'c']) expect((await login(`guess-${name}`, 'nope')).status).toBe(401);
    const refused = await login('guess-d', 'nope');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(500);
  });
});

describe('a flood of parallel wrong logins', () => {
  it('hashes only a few at a time, refuses the excess at once with 503 and Retry-After, and keeps serving pages', async () => {
    const flooded = await startTestGateway({
      auth: { initialAdminPassword: TEST_PASSWORD, maxFailuresPerAddress: 10_000, loginRatePerMinute: 10_000 },
    });
    try {
      const flood = Array.from({ length: 200 }, (_, i) =>
        fetch(`${flooded.gateway.httpUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: `flood-${i}`, password: 'wrong' }),
        }),
      );
      const page = await fetch(`${flooded.gateway.httpUrl}/dashboard/`);
      expect(page.status).toBe(200);
      const responses = await Promise.all(flood);
      const count = (status: number) => responses.filter((r) => r.status === status).length;
      expect(count(401) + count(503)).toBe(200);
      expect(count(503)).toBeGreaterThan(100);
      expect(responses.find((r) => r.status === 503)!.headers.get('retry-after')).toBe('1');
      await flooded.login(); // and the real user still gets in
    } finally {
      await flooded.close();
    }
  });
});
