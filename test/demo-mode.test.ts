import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/test-gateway.ts';

let t: TestGateway;

beforeAll(async () => {
  // No sites, points or devices configured: demo mode "auto" must turn itself on.
  t = await startTestGateway({ sites: [], points: [], devices: [], demo: { mode: 'auto', devices: 2, pressesPerMinute: 3000 } });
});
afterAll(async () => {
  await t.close();
});

describe('demo mode', () => {
  it('starts simulated buttons when no device is configured, and their presses reach the indices', async () => {
    expect(t.gateway.demo).toBe(true);
    const session = await t.login();
    await expect
      .poll(
        async () =>
          (await t.get<{ points: { pointId: string; happyIndex: { n: number } }[] }>('/api/points', session)).points[0]?.happyIndex.n ?? 0,
        {
          timeout: 10_000,
        },
      )
      .toBeGreaterThanOrEqual(20);
    const { answers } = await t.get<{ answers: { deviceId: string }[] }>('/api/answers?limit=1000', session);
    expect(new Set(answers.map((a) => a.deviceId))).toEqual(new Set(['sim-button-1', 'sim-button-2']));
  });

  it('publishes the OpenAPI description of the API at /docs', async () => {
    const response = await fetch(`${t.gateway.httpUrl}/docs/json`);
    expect(response.status).toBe(200);
    const spec = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/points', '/api/answers', '/api/auth/login', '/health']));
  });
});
