import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import mqtt from 'mqtt';
import { BRIDGE, POINT, startTestGateway, type TestGateway } from '../helpers/test-gateway.ts';
import type { SignedIn } from '../helpers/sign-in.ts';
import { metric } from '../helpers/metrics.ts';

let t: TestGateway;
let admin: SignedIn;
const send = (method: string, path: string, body: unknown) =>
  fetch(`${t.gateway.httpUrl}${path}`, {
    method,
    headers: { ...admin.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const HOUR = { from: '2026-03-02T09:00:00Z', to: '2026-03-02T10:00:00Z' };

beforeAll(async () => {
  t = await startTestGateway();
  admin = await t.login();
});
afterAll(async () => {
  await t?.close();
});

describe('input bounds at the edges', () => {
  it('refuses absurd customer counts with 400 and a reason', async () => {
    for (const count of [1e308, 1_000_001, -1, 2.5]) {
      const response = await send('POST', '/api/customers', { pointId: POINT.id, ...HOUR, count });
      expect(response.status, String(count)).toBe(400);
    }
    expect((await send('POST', '/api/customers', { pointId: POINT.id, ...HOUR, count: 1_000_000 })).status).toBe(204);
  });

  it('refuses dates that are not on the calendar or out of range', async () => {
    for (const from of [
      '2026-02-30T09:00:00Z',
      '2026-13-01T09:00:00Z',
      '2026-03-02T24:00:00Z',
      '1999-12-31T23:00:00Z',
      '9999-01-01T00:00:00Z',
    ]) {
      expect((await send('POST', '/api/customers', { pointId: POINT.id, from, to: '2026-03-02T10:00:00Z', count: 1 })).status, from).toBe(
        400,
      );
    }
    const bad = await fetch(`${t.gateway.httpUrl}/api/indices/happy?from=2026-02-30T00:00:00Z&to=2026-03-02T00:00:00Z`, {
      headers: admin.headers,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/from/);
    const leap = await fetch(`${t.gateway.httpUrl}/api/indices/happy?from=2028-02-29T00:00:00Z&to=2028-03-01T00:00:00Z`, {
      headers: admin.headers,
    });
    expect(leap.status).toBe(200);
  });

  it('refuses control characters and over-long strings', async () => {
    expect((await send('PUT', '/api/staff/ann', { name: 'Ann\u0000' })).status).toBe(400);
    expect((await send('PUT', '/api/staff/ann', { name: 'Ann\u001b[31m' })).status).toBe(400);
    expect((await send('PUT', '/api/staff/ann', { name: 'A'.repeat(201) })).status).toBe(400);
    expect((await send('PUT', '/api/staff/ann', { name: 'Анна Łukasz 王' })).status).toBe(204);
    expect((await send('POST', '/api/users', { username: 'x\u0000', password: 'a long enough password', role: 'viewer' })).status).toBe(
      400,
    );
  });

  it('drops an absurd count over MQTT, counted, and stores nothing', async () => {
    const client = await mqtt.connectAsync(t.gateway.mqttUrl, {
      username: BRIDGE.username,
      password: BRIDGE.password,
      clientId: BRIDGE.username,
    });
    try {
      const before = await metric(t.gateway.httpUrl, 'feedback_input_dropped_total', 'reason="customers-invalid"');
      await client.publishAsync(
        `feedback/branch-1/${POINT.id}/customers`,
        JSON.stringify({ v: 1, from: Date.parse(HOUR.from), to: Date.parse(HOUR.to), count: 1e308 }),
        { qos: 1 },
      );
      await expect.poll(() => metric(t.gateway.httpUrl, 'feedback_input_dropped_total', 'reason="customers-invalid"')).toBe(before + 1);
    } finally {
      await client.endAsync();
    }
  });

  it('never answers 500 for an index over stored data, even absurd counts written behind its back', async () => {
    const db = new Database(join(t.dataDir, 'feedback.db'));
    try {
      const insert = db.prepare(
        "INSERT INTO customers_served (point_id, starts_at, ends_at, count, source, received_at) VALUES (?, ?, ?, ?, 'legacy', 0)",
      );
      insert.run(POINT.id, Date.parse('2026-04-01T09:00:00Z'), Date.parse('2026-04-01T10:00:00Z'), 1e308);
      insert.run(POINT.id, Date.parse('2026-04-01T10:00:00Z'), Date.parse('2026-04-01T11:00:00Z'), 1e308);
    } finally {
      db.close();
    }
    for (const index of ['responseRate', 'criticality', 'support']) {
      const response = await fetch(`${t.gateway.httpUrl}/api/indices/${index}?from=2026-04-01T00:00:00Z&to=2026-04-02T00:00:00Z`, {
        headers: admin.headers,
      });
      expect(response.status, index).toBe(200);
      expect(((await response.json()) as { result: { n: number } }).result.n).toBe(0);
    }
  });
});
