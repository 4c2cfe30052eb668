import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { io, type Socket } from 'socket.io-client';
import { SimulatedButton } from '@feedback/firmware-protocol';
import { BRIDGE, DEVICES, POINT, SITE, pressPlan, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import type { SignedIn } from './helpers/sign-in.ts';

let t: TestGateway;
let session: SignedIn;
const dayStart = Date.UTC(2020, 0, 1);

beforeAll(async () => {
  t = await startTestGateway({
    alerts: { defaults: true, rules: [], evaluateEveryMs: 1000 },
    surveys: [
      { id: 'exit', name: 'Exit survey', questions: [{ id: 'recommend', number: 1, scale: 'nps11', label: 'Would you recommend us?' }] },
    ],
    devices: [
      ...DEVICES,
      { id: 'kiosk-1', pointId: POINT.id, buttons: 4, responseIntervalMs: 0, mqttPassword: 'kiosk-1-secret', surveyId: 'exit' },
    ],
  });
  session = await t.login();
});
afterAll(async () => {
  await t.close();
});

const api = async <T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
  const response = await fetch(`${t.gateway.httpUrl}${path}`, { ...init, headers: { ...session.headers, ...(init.headers ?? {}) } });
  const text = await response.text();
  return { status: response.status, body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
};

describe('indices over HTTP', () => {
  it('serves the Happy Index, its breakdown by point and its trend by minute, from presses over MQTT', async () => {
    const button = new SimulatedButton({
      brokerUrl: t.gateway.mqttUrl,
      siteId: SITE.id,
      deviceId: DEVICES[0]!.id,
      buttons: 4,
      password: DEVICES[0]!.mqttPassword,
    });
    await button.connect();
    for (const b of pressPlan([17, 16, 60, 126])) button.press(b);
    await button.drained();
    await button.close();
    const range = `from=${dayStart}&to=${Date.now() + 60_000}`;
    const { body } = await api<{ result: { value: number; n: number; ci: [number, number] } }>(
      `/api/indices/happy?pointId=${POINT.id}&${range}`,
    );
    expect(body.result.n).toBe(219);
    expect(body.result.value.toFixed(1)).toBe('78.2');
    const breakdown = await api<{ groups: { group: string; result: { n: number } }[] }>(`/api/indices/happy/breakdown?by=point&${range}`);
    expect(breakdown.body.groups).toEqual([{ group: POINT.id, result: expect.objectContaining({ n: 219 }) }]);
    const now = Date.now();
    const trend = await api<{ points: { start: number; result: { n: number } }[] }>(
      `/api/indices/happy/trend?interval=minute&from=${now - 10 * 60_000}&to=${now + 120_000}`,
    );
    expect(trend.body.points.reduce((a, p) => a + p.result.n, 0)).toBe(219);
  });

  it('stores survey answers from a terminal, with skipped ones, and computes NPS over them', async () => {
    const kiosk = await mqtt.connectAsync(t.gateway.mqttUrl, { username: 'kiosk-1', password: 'kiosk-1-secret' });
    const answer = (seq: number, value: number | null) => JSON.stringify({ v: 1, boot: 1, seq, question: 1, value, uptimeMs: seq });
    await kiosk.publishAsync(`feedback/${SITE.id}/kiosk-1/answer`, answer(1, 10), { qos: 1 });
    await kiosk.publishAsync(`feedback/${SITE.id}/kiosk-1/answer`, answer(2, null), { qos: 1 });
    await kiosk.publishAsync(`feedback/${SITE.id}/kiosk-1/answer`, answer(3, null), { qos: 1 });
    await kiosk.endAsync();
    const range = `from=${dayStart}&to=${Date.now() + 60_000}`;
    await expect
      .poll(
        async () =>
          (await api<{ answers: unknown[] }>('/api/answers?limit=1000')).body.answers.filter(
            (a) => (a as { deviceId: string }).deviceId === 'kiosk-1',
          ).length,
      )
      .toBe(3);
    const { body } = await api<{ result: { value: number; n: number } }>(`/api/indices/nps?surveyId=exit&${range}`);
    expect(body.result).toMatchObject({ value: 100, n: 1 });
  });

  it('refuses a bad index name, a bad time and a reversed range with 400s that say why', async () => {
    expect((await api(`/api/indices/joy?from=0&to=1`)).status).toBe(400);
    const badTime = await api<{ message: string }>(`/api/indices/happy?from=yesterday&to=1`);
    expect(badTime.status).toBe(400);
    expect(badTime.body.message).toMatch(/"from" is not a time: yesterday/);
    const reversed = await api<{ message: string }>(`/api/indices/happy?from=10&to=5`);
    expect(reversed.body.message).toMatch(/before/);
  });

  it('takes a range of local days, read at each site in its own zone, and refuses a range given twice or half', async () => {
    // SITE's own 1 December (Berlin, UTC+1 in winter), from its midnight to the next
    expect(SITE.timeZone).toBe('Europe/Berlin');
    const days = await api<{ from: number; to: number }>(`/api/indices/happy?fromDate=2026-12-01&toDate=2026-12-01&siteId=${SITE.id}`);
    expect(days.status).toBe(200);
    expect(days.body).toMatchObject({ from: Date.parse('2026-12-01T00:00:00+01:00'), to: Date.parse('2026-12-02T00:00:00+01:00') });
    const today = await api<{ from: number; to: number }>(`/api/indices/happy?lastDays=7&siteId=${SITE.id}`);
    expect(today.status).toBe(200);
    expect(today.body.from).toBeLessThanOrEqual(Date.now() - 6 * 86_400_000);
    expect(today.body.to).toBeGreaterThan(Date.now());
    const overview = await api<{ from: number; previous: { from: number; to: number } }>(`/api/overview?lastDays=1&siteId=${SITE.id}`);
    expect(overview.body.previous.to).toBe(overview.body.from);
    for (const [query, message] of [
      ['from=0&to=1&fromDate=2026-12-01&toDate=2026-12-01', /Give the range once/],
      ['fromDate=2026-12-01', /"fromDate" needs "toDate"/],
      ['fromDate=2026-02-30&toDate=2026-03-01', /"fromDate" is not a date/],
      ['fromDate=2026-12-02&toDate=2026-12-01', /must not be before/],
      ['', /Give the range once/],
    ] as const) {
      const refused = await api<{ message: string }>(`/api/indices/happy?${query}`);
      expect(refused.status).toBe(400);
      expect(refused.body.message).toMatch(message);
    }
  });
});

describe('customers served, response rate and staff', () => {
  it('takes customers by API, CSV (listing bad lines) and MQTT, and uses them in the response rate', async () => {
    const hour = 3_600_000;
    const base = Math.floor(Date.now() / hour) * hour - 5 * hour;
    const post = await api(`/api/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pointId: POINT.id, from: base, to: base + hour, count: 100 }),
    });
    expect(post.status).toBe(204);
    const csv = `pointId,from,to,count\n${POINT.id},${base + hour},${base + 2 * hour},300\nnowhere,${base},${base + hour},5\n${POINT.id},${base},${base - 1},5\n`;
    const imported = await api<{ imported: number; errors: { line: number; message: string }[] }>(`/api/customers/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(imported.body).toEqual({
      imported: 1,
      errors: [
        { line: 3, message: 'no point "nowhere"' },
        { line: 4, message: '"from" must be a time before "to"' },
      ],
    });
    const counter = await mqtt.connectAsync(t.gateway.mqttUrl, { username: BRIDGE.username, password: BRIDGE.password });
    await counter.publishAsync(
      `feedback/${SITE.id}/${POINT.id}/customers`,
      JSON.stringify({ v: 1, from: base + 2 * hour, to: base + 3 * hour, count: 1790 }),
      { qos: 1 },
    );
    await counter.endAsync();
    const range = `pointId=${POINT.id}&from=${base}&to=${Date.now() + 60_000}`;
    await expect.poll(async () => (await api<{ result: { n: number } }>(`/api/indices/responseRate?${range}`)).body.result.n).toBe(2190);
    const rate = await api<{ result: { value: number } }>(`/api/indices/responseRate?${range}`);
    expect(rate.body.result.value).toBeCloseTo((100 * 220) / 2190, 6);
  });

  it('attributes answers to the staff member on shift', async () => {
    expect(
      (
        await api(`/api/staff/anna`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'Anna K.' }),
        })
      ).status,
    ).toBe(204);
    const now = Date.now();
    const shift = await api<{ id: number }>(`/api/shifts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ staffId: 'anna', pointId: POINT.id, from: now - 60_000, to: now + 3_600_000 }),
    });
    expect(shift.status).toBe(201);
    const unknown = await api<{ message: string }>(`/api/shifts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ staffId: 'zed', pointId: POINT.id, from: now, to: now + 1 }),
    });
    expect(unknown.body.message).toMatch(/no staff member "zed"/);
    const button = new SimulatedButton({
      brokerUrl: t.gateway.mqttUrl,
      siteId: SITE.id,
      deviceId: DEVICES[1]!.id,
      buttons: 4,
      password: DEVICES[1]!.mqttPassword,
      bootCounter: 2,
    });
    await button.connect();
    button.press(3);
    button.press(3);
    await button.drained();
    await button.close();
    const { body } = await api<{ groups: { group: string; result: { n: number } }[] }>(
      `/api/indices/happy/breakdown?by=staff&from=${now - 60_000}&to=${now + 120_000}`,
    );
    expect(body.groups.find((g) => g.group === 'anna')?.result.n).toBe(2);
  });
});

describe('alerts over HTTP and socket.io', () => {
  it('pushes a fired alert live, and a named user acknowledges it with a comment', async () => {
    const socket: Socket = io(t.gateway.httpUrl, {
      path: '/socket.io',
      extraHeaders: { cookie: session.cookie },
      transports: ['websocket'],
    });
    const pushed: { event: string; alert: { id: number; status: string } }[] = [];
    socket.on('alert', (m: (typeof pushed)[number]) => pushed.push(m));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const button = new SimulatedButton({
      brokerUrl: t.gateway.mqttUrl,
      siteId: SITE.id,
      deviceId: DEVICES[1]!.id,
      buttons: 4,
      password: DEVICES[1]!.mqttPassword,
      bootCounter: 3,
    });
    await button.connect();
    for (let i = 0; i < 250; i++) button.press(0);
    await button.drained();
    await button.close();
    await expect.poll(() => pushed.find((p) => p.event === 'alert.fired')).toBeTruthy();
    const id = pushed.find((p) => p.event === 'alert.fired')!.alert.id;
    const ack = await api<{ status: string; acknowledgedBy: string; comment: string }>(`/api/alerts/${id}/ack`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ comment: 'card terminal offline' }),
    });
    expect(ack.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'admin', comment: 'card terminal offline' });
    expect(
      (await api(`/api/alerts/${id}/ack`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status,
    ).toBe(409);
    expect(
      (await api(`/api/alerts/99999/ack`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status,
    ).toBe(404);
    await expect.poll(() => pushed.some((p) => p.event === 'alert.acknowledged' && p.alert.id === id)).toBe(true);
    socket.disconnect();
  });
});

describe('device health over socket.io', () => {
  it("pushes each hello, heartbeat and refusal of a site's devices to that site's sockets as it happens", async () => {
    const socket: Socket = io(t.gateway.httpUrl, {
      path: '/socket.io',
      extraHeaders: { cookie: session.cookie },
      transports: ['websocket'],
    });
    const signals: { deviceId: string; siteId: string; kind: string; online: boolean; reason?: string }[] = [];
    socket.on('device', (m: (typeof signals)[number]) => signals.push(m));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const device = { id: 'kiosk-1', mqttPassword: 'kiosk-1-secret' };
    const button = new SimulatedButton({
      brokerUrl: t.gateway.mqttUrl,
      siteId: SITE.id,
      deviceId: device.id,
      buttons: 4,
      password: device.mqttPassword,
      bootCounter: 9,
    });
    await button.connect();
    await expect.poll(() => signals.some((s) => s.deviceId === device.id && s.kind === 'hello')).toBe(true);
    button.heartbeat({ battery: 41, rssi: -70 });
    await expect.poll(() => signals.some((s) => s.deviceId === device.id && s.kind === 'heartbeat' && s.online)).toBe(true);
    // a press the configuration refuses (a 5-button scale at a 4-button device) is told to the screens with its reason
    const raw = await mqtt.connectAsync(t.gateway.mqttUrl, {
      username: device.id,
      password: device.mqttPassword,
      clientId: `${device.id}-raw`,
    });
    await raw.publishAsync(
      `feedback/${SITE.id}/${device.id}/press`,
      JSON.stringify({ v: 1, boot: 9, seq: 500, button: 4, buttons: 5, uptimeMs: 1000 }),
      { qos: 1 },
    );
    await expect.poll(() => signals.find((s) => s.deviceId === device.id && s.kind === 'refused')?.reason).toBe('scale-mismatch');
    expect(signals.every((s) => s.siteId === SITE.id)).toBe(true);
    await raw.endAsync();
    await button.close();
    socket.disconnect();
  });
});

describe('export', () => {
  it('exports raw answers as CSV and XLSX that read back', async () => {
    const range = `from=${dayStart}&to=${Date.now() + 60_000}`;
    const csv = await api<string>(`/api/export/answers.csv?${range}`);
    expect(csv.status).toBe(200);
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    const { answers } = (await api<{ answers: unknown[] }>('/api/answers?limit=1000')).body;
    expect(rows.length).toBe(answers.length);
    expect(rows.filter((r) => r.skipped === '1')).toHaveLength(2);
    expect(rows[0]).toMatchObject({ siteId: SITE.id, pointId: POINT.id, scale: 'smiley4' });

    const response = await fetch(`${t.gateway.httpUrl}/api/export/answers.xlsx?${range}`, { headers: session.headers });
    expect(response.headers.get('content-type')).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('answers')!;
    expect(sheet.rowCount).toBe(rows.length + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('id');
    expect(String(sheet.getRow(2).getCell(5).value)).toBe(POINT.id);
    expect((await api(`/api/export/answers.csv?from=5&to=1`)).status).toBe(400);
  });
});
