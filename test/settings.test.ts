import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { SimulatedButton } from '@feedback/firmware-protocol';
import { startGateway, validateConfig } from '@feedback/gateway';
import { DEVICES, POINT, SITE, TEST_PASSWORD, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { scopedToken, userSession } from './helpers/identities.ts';
import { signIn, type SignedIn } from './helpers/sign-in.ts';

const SURVEY = { id: 'exit', name: 'Exit survey', questions: [{ id: 'recommend', number: 1, scale: 'nps11', label: 'Recommend?' }] };
const OTHER_SITE = { id: 'branch-2', name: 'Branch 2', timeZone: 'Asia/Shanghai' };

let t: TestGateway;
let admin: SignedIn;

interface Settings {
  version: number;
  scope: string;
  catalog: {
    sites: { id: string; timeZone: string }[];
    points: { id: string; siteId: string; name: string; goal: number }[];
    devices: { id: string; mqttPassword?: string }[];
    surveys: (typeof SURVEY)[];
    webhooks: { url: string; secret: string }[];
  };
}
interface Audit {
  entries: { actor: string; action: string; target: string; before: unknown; after: unknown }[];
}

async function call(
  method: string,
  path: string,
  session: SignedIn,
  body?: unknown,
  contentType = 'application/json',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${t.gateway.httpUrl}${path}`, {
    method,
    headers: { ...session.headers, ...(body === undefined ? {} : { 'content-type': contentType }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { text } };
}

const sitesNow = async () => (await t.get<Settings>('/api/settings', admin)).catalog.sites;
/** An import of the sites section with one site's time zone changed. */
const sitesYaml = (sites: Settings['catalog']['sites'], id: string, timeZone: string) =>
  stringifyYaml({ sites: sites.map((s) => (s.id === id ? { ...s, timeZone } : s)) });

beforeAll(async () => {
  t = await startTestGateway({
    surveys: [SURVEY],
    devices: [...DEVICES, { id: 'kiosk-1', pointId: POINT.id, buttons: 4, responseIntervalMs: 0, surveyId: SURVEY.id }],
  });
  admin = await t.login();
});
afterAll(async () => t?.close());

describe('settings in the database, changed live', () => {
  it('seeds the database from the file once, and shows the settings with secrets masked', async () => {
    const settings = await t.get<Settings>('/api/settings', admin);
    expect(settings.version).toBe(1);
    expect(settings.scope).toBe('all');
    expect(settings.catalog.points.map((p) => p.id)).toEqual([POINT.id]);
    expect(settings.catalog.devices.find((d) => d.id === 'btn-1')?.mqttPassword).toBe('********');
    expect(JSON.stringify(settings)).not.toContain('btn-1-secret');
    const audit = await t.get<Audit>('/api/settings/audit', admin);
    expect(audit.entries.at(-1)).toMatchObject({ action: 'seed', actor: 'configuration file', target: 'catalog' });
    expect(JSON.stringify(audit)).not.toContain('btn-1-secret');
  });

  it('adds a site, a point and a device that presses at once, without a restart, and audits each change', async () => {
    expect((await call('PUT', `/api/settings/sites/${OTHER_SITE.id}`, admin, OTHER_SITE)).status).toBe(200);
    const point = await call('PUT', '/api/settings/points/door', admin, { id: 'door', siteId: OTHER_SITE.id, name: 'Door', goal: 70 });
    expect(point.status).toBe(200);
    expect((await t.get<{ points: { pointId: string }[] }>('/api/points', admin)).points.map((p) => p.pointId)).toContain('door');
    const device = await call('PUT', '/api/settings/devices/door-btn', admin, {
      id: 'door-btn',
      pointId: 'door',
      buttons: 3,
      responseIntervalMs: 0,
      mqttPassword: 'door-btn-secret',
    });
    expect(device.status).toBe(200);

    // the embedded broker lets the new device in, and its press is stored at the new point
    const button = new SimulatedButton({
      brokerUrl: t.gateway.mqttUrl,
      siteId: OTHER_SITE.id,
      deviceId: 'door-btn',
      buttons: 3,
      password: 'door-btn-secret',
    });
    await button.connect();
    button.press(2);
    await button.drained();
    await button.close();
    const answers = await t.get<{ answers: { deviceId: string; pointId: string; siteId: string }[] }>('/api/answers?limit=10', admin);
    expect(answers.answers.find((a) => a.deviceId === 'door-btn')).toMatchObject({ pointId: 'door', siteId: OTHER_SITE.id });

    const audit = await t.get<Audit>('/api/settings/audit?target=devices', admin);
    expect(audit.entries[0]).toMatchObject({ actor: 'admin', action: 'create', target: 'devices/door-btn' });
    expect((audit.entries[0]!.after as { mqttPassword: string }).mqttPassword).toBe('********');
  });

  it('hands a running kiosk the edited survey', async () => {
    const kiosk = { authorization: `Bearer ${(await scopedToken(t, admin, { name: 'kiosk', kind: 'kiosk', deviceId: 'kiosk-1' })).token}` };
    const before = (await (await fetch(`${t.gateway.httpUrl}/api/kiosk/survey`, { headers: kiosk })).json()) as {
      survey: { questions: { label: string }[] };
    };
    expect(before.survey.questions[0]!.label).toBe('Recommend?');
    const edited = {
      ...SURVEY,
      questions: [
        { ...SURVEY.questions[0]!, label: 'Would you recommend us?' },
        { id: 'effort', number: 2, scale: 'ces7', label: 'Easy?' },
      ],
    };
    expect((await call('PUT', `/api/settings/surveys/${SURVEY.id}`, admin, edited)).status).toBe(200);
    const after = (await (await fetch(`${t.gateway.httpUrl}/api/kiosk/survey`, { headers: kiosk })).json()) as {
      survey: { questions: { label: string }[] };
    };
    expect(after.survey.questions.map((q) => q.label)).toEqual(['Would you recommend us?', 'Easy?']);
  });

  it('applies a new alert rule to the next answers', async () => {
    const rule = { id: 'any-negative', kind: 'count', polarity: 'negative', count: 1, windowMinutes: 15, pointId: 'door' };
    expect((await call('PUT', '/api/settings/alert-rules/any-negative', admin, rule)).status).toBe(200);
    // a key no rule has is refused by name, not dropped silently
    const unknown = await call('PUT', '/api/settings/alert-rules/any-negative', admin, { ...rule, treshold: 3 });
    expect(unknown.status).toBe(400);
    expect(String(unknown.body.message)).toMatch(/treshold/);
    const button = new SimulatedButton({
      brokerUrl: t.gateway.mqttUrl,
      siteId: OTHER_SITE.id,
      deviceId: 'door-btn',
      buttons: 3,
      password: 'door-btn-secret',
      bootCounter: 2,
    });
    await button.connect();
    button.press(0);
    await button.drained();
    await button.close();
    await vi.waitFor(async () => {
      const { alerts } = await t.get<{ alerts: { ruleId: string; pointId: string }[] }>('/api/alerts', admin);
      expect(alerts.some((a) => a.ruleId === 'any-negative' && a.pointId === 'door')).toBe(true);
    });
  });

  it('refuses what the file would refuse, naming the key, and keeps the settings as they were', async () => {
    const { version } = await t.get<Settings>('/api/settings', admin);
    const orphan = await call('PUT', '/api/settings/points/lost', admin, { id: 'lost', siteId: 'nowhere', name: 'Lost' });
    expect(orphan.status).toBe(400);
    expect(orphan.body.message).toMatch(/points\[\d+\]\.siteId: no site "nowhere"/);
    expect((await call('PUT', '/api/settings/points/other', admin, { id: 'door', siteId: SITE.id, name: 'x' })).status).toBe(400);
    expect((await call('PUT', '/api/settings/points/door', admin, { id: 'door', siteId: SITE.id, name: 'x', goal: 1000 })).status).toBe(
      400,
    );
    const used = await call('DELETE', `/api/settings/sites/${OTHER_SITE.id}`, admin);
    expect(used.status).toBe(400);
    expect(used.body.message).toMatch(/no site "branch-2"/);
    expect((await call('DELETE', '/api/settings/surveys/never', admin)).status).toBe(404);
    const stale = await call('PUT', `/api/settings/points/door?version=${version - 1}`, admin, {
      id: 'door',
      siteId: OTHER_SITE.id,
      name: 'Door 2',
    });
    expect(stale.status).toBe(409);
    expect((await t.get<Settings>('/api/settings', admin)).version).toBe(version);
    // the gateway still works
    expect(
      (
        await call('PUT', `/api/settings/points/door?version=${version}`, admin, {
          id: 'door',
          siteId: OTHER_SITE.id,
          name: 'Door',
          goal: 75,
        })
      ).status,
    ).toBe(200);
  });

  it("refuses to move a site's time zone once answers are counted in it, through the API and an import alike", async () => {
    const refusal =
      `sites/${OTHER_SITE.id}.timeZone: site "${OTHER_SITE.id}" has answers counted in ${OTHER_SITE.timeZone}; ` +
      'its time zone cannot change (make a new site instead)';
    const { version } = await t.get<Settings>('/api/settings', admin);
    const moved = await call('PUT', `/api/settings/sites/${OTHER_SITE.id}`, admin, { ...OTHER_SITE, timeZone: 'Europe/Moscow' });
    expect(moved).toMatchObject({ status: 400, body: { message: refusal } });
    const imported = await call(
      'POST',
      '/api/settings/import',
      admin,
      sitesYaml(await sitesNow(), OTHER_SITE.id, 'Europe/Moscow'),
      'application/yaml',
    );
    expect(imported).toMatchObject({ status: 400, body: { message: refusal } });
    const settings = await t.get<Settings>('/api/settings', admin);
    expect(settings.version).toBe(version);
    expect(settings.catalog.sites.find((s) => s.id === OTHER_SITE.id)?.timeZone).toBe(OTHER_SITE.timeZone);
    expect((await call('PUT', `/api/settings/sites/${OTHER_SITE.id}`, admin, { ...OTHER_SITE, name: 'Branch two' })).status).toBe(200);
  });

  it("refuses a device named as another point's phone channel, through the API and an import alike", async () => {
    const refusal = `devices/phone.${POINT.id}.id: reserved (ids starting with "phone." are the phone channel's)`;
    const claim = { id: `phone.${POINT.id}`, pointId: POINT.id, buttons: 4, responseIntervalMs: 0, mqttPassword: 'claim-secret-1' };
    expect(await call('PUT', `/api/settings/devices/${claim.id}`, admin, claim)).toMatchObject({ status: 400, body: { message: refusal } });
    const { version } = await t.get<Settings>('/api/settings', admin);
    const devices = (await t.get<Settings>('/api/settings', admin)).catalog.devices;
    const imported = await call('POST', '/api/settings/import', admin, stringifyYaml({ devices: [...devices, claim] }), 'application/yaml');
    expect(imported).toMatchObject({ status: 400, body: { message: refusal } });
    expect((await t.get<Settings>('/api/settings', admin)).version).toBe(version);
  });

  it("moves a site's time zone before any answer, through the API and an import alike", async () => {
    const empty = { id: 'branch-3', name: 'Branch 3', timeZone: 'Europe/Lisbon' };
    expect((await call('PUT', `/api/settings/sites/${empty.id}`, admin, empty)).status).toBe(200);
    const moved = await call('PUT', `/api/settings/sites/${empty.id}`, admin, { ...empty, timeZone: 'Europe/Madrid' });
    expect(moved).toMatchObject({ status: 200, body: { appliesAfterRestart: [] } });
    const imported = await call(
      'POST',
      '/api/settings/import',
      admin,
      sitesYaml(await sitesNow(), empty.id, 'Atlantic/Azores'),
      'application/yaml',
    );
    expect(imported).toMatchObject({ status: 200, body: { appliesAfterRestart: [] } });
    expect((await sitesNow()).find((s) => s.id === empty.id)?.timeZone).toBe('Atlantic/Azores');
    expect((await call('DELETE', `/api/settings/sites/${empty.id}`, admin)).status).toBe(200);
  });

  it('lets a manager change only their sites, and a viewer nothing', async () => {
    const manager = await userSession(t, admin, { username: 'manager-2', role: 'manager', sites: [OTHER_SITE.id] });
    const seen = await t.get<Settings>('/api/settings', manager);
    expect(seen.scope).toBe('sites');
    expect(seen.catalog.sites.map((s) => s.id)).toEqual([OTHER_SITE.id]);
    expect(seen.catalog.points.map((p) => p.id)).toEqual(['door']);
    expect(seen.catalog.webhooks).toEqual([]);
    expect(
      (await call('PUT', '/api/settings/points/door', manager, { id: 'door', siteId: OTHER_SITE.id, name: 'Front door', goal: 85 })).status,
    ).toBe(200);
    expect((await call('PUT', '/api/settings/points/door', manager, { id: 'door', siteId: SITE.id, name: 'Moved' })).status).toBe(403);
    expect((await call('PUT', `/api/settings/points/${POINT.id}`, manager, { ...POINT, name: 'Not mine' })).status).toBe(403);
    expect((await call('PUT', `/api/settings/surveys/${SURVEY.id}`, manager, SURVEY)).status).toBe(403);
    expect((await call('DELETE', `/api/settings/sites/${OTHER_SITE.id}`, manager)).status).toBe(403);
    expect((await call('GET', '/api/settings/audit', manager)).status).toBe(403);
    expect((await call('GET', '/api/settings/export', manager)).status).toBe(403);
    const viewer = await userSession(t, admin, { username: 'viewer-1', role: 'viewer', sites: [] });
    // creating users is audited too, without their passwords
    const users = await t.get<Audit>('/api/settings/audit?target=users', admin);
    expect(users.entries.map((e) => [e.actor, e.action, e.target])).toEqual([
      ['admin', 'POST /api/users', 'users'],
      ['admin', 'POST /api/users', 'users'],
    ]);
    expect(JSON.stringify(users)).not.toContain('a long enough password');
    expect((await call('GET', '/api/settings', viewer)).status).toBe(403);
    expect((await call('PUT', '/api/settings/points/door', viewer, { id: 'door', siteId: OTHER_SITE.id, name: 'x' })).status).toBe(403);
  });

  it('exports YAML with secrets masked, and imports it back (dry run first)', async () => {
    const exported = await fetch(`${t.gateway.httpUrl}/api/settings/export`, { headers: admin.headers });
    expect(exported.headers.get('content-type')).toMatch(/yaml/);
    const text = await exported.text();
    expect(text).not.toContain('door-btn-secret');
    const data = parseYaml(text) as { points: { id: string; name: string }[]; devices: { id: string; mqttPassword?: string }[] };
    expect(data.points.map((p) => p.id)).toEqual([POINT.id, 'door']);

    const edited = { ...data, points: data.points.map((p) => (p.id === 'door' ? { ...p, name: 'Imported door' } : p)), http: { port: 1 } };
    const yaml = (await import('yaml')).stringify(edited);
    const dry = await call('POST', '/api/settings/import?dryRun=true', admin, yaml, 'application/yaml');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, ignored: ['http'] });
    expect((dry.body.changes as Record<string, { changed: string[] }>).points!.changed).toEqual(['door']);
    expect((dry.body.changes as Record<string, { changed: string[] }>).devices!.changed).toEqual([]);
    expect((await t.get<Settings>('/api/settings', admin)).catalog.points.find((p) => p.id === 'door')?.name).toBe('Front door');

    const applied = await call('POST', '/api/settings/import', admin, yaml, 'application/yaml');
    expect(applied.status).toBe(200);
    expect((await t.get<Settings>('/api/settings', admin)).catalog.points.find((p) => p.id === 'door')?.name).toBe('Imported door');
    // the masked broker password came back as the mask: the device keeps its own
    const button = new SimulatedButton({
      brokerUrl: t.gateway.mqttUrl,
      siteId: OTHER_SITE.id,
      deviceId: 'door-btn',
      buttons: 3,
      password: 'door-btn-secret',
    });
    await button.connect();
    await button.close();

    for (const [body, pattern] of [
      ['sites: [oops', /Not valid YAML/],
      ['just text', /mapping/],
      ['http: {port: 2}', /holds none of/],
      ['points: 3', /points: must be a list/],
      ['points:\n  - {id: p, siteId: nowhere, name: P}', /no site "nowhere"/],
    ] as const) {
      const refused = await call('POST', '/api/settings/import', admin, body, 'application/yaml');
      expect(refused.status, body).toBe(400);
      expect(refused.body.message).toMatch(pattern);
    }
    expect((await call('POST', '/api/settings/import', admin, { points: [] })).status).toBe(415);
  });

  it('keeps the database settings over the file at the next start', async () => {
    const dataDir = t.dataDir;
    const before = await t.get<Settings>('/api/settings', admin);
    await t.gateway.close();
    const config = validateConfig({
      dataDir,
      http: { host: '127.0.0.1', port: 0 },
      mqtt: { embedded: { host: '127.0.0.1', port: 0 } },
      log: { level: 'silent' },
      demo: { mode: 'off' },
      sites: [SITE],
      points: [POINT],
      devices: DEVICES,
    });
    const again = await startGateway(config);
    try {
      const session = await signIn(again.httpUrl, 'admin', TEST_PASSWORD);
      const after = (await (await fetch(`${again.httpUrl}/api/settings`, { headers: session.headers })).json()) as Settings;
      expect(after.version).toBe(before.version);
      expect(after.catalog.points.map((p) => p.name)).toEqual(before.catalog.points.map((p) => p.name));
      expect(after.catalog.surveys[0]!.questions).toHaveLength(2);
    } finally {
      await again.close();
    }
  });
});
