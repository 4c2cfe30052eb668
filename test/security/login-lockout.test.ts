import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, TEST_PASSWORD, type TestGateway } from '../helpers/test-gateway.ts';

let t: TestGateway;
const login = (username: string, password: string) =>
  fetch(`${t.gateway.httpUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

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
