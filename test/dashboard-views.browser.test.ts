import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SimulatedButton } from '@feedback/firmware-protocol';
import en from '../dashboard/web-base/src/locales/en.json' with { type: 'json' };
import ru from '../dashboard/web-base/src/locales/ru.json' with { type: 'json' };
import { DEVICES, POINT, SITE, TEST_PASSWORD, pressPlan, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { launchChromium, signedInContext, submitSignIn } from './helpers/browser.ts';
import { seriousAccessibilityFindings, visibleText } from './helpers/axe.ts';
import { browserCookies, type SignedIn } from './helpers/sign-in.ts';

const EXIT = { id: 'exit', siteId: SITE.id, name: 'Exit' };
const NORTH = { id: 'north', name: 'North branch', timeZone: 'Europe/Moscow' };
const NORTH_DESK = { id: 'north-desk', siteId: NORTH.id, name: 'North desk' };
let t: TestGateway;
let browser: Browser;
let context: BrowserContext;
let session: SignedIn;

beforeAll(async () => {
  t = await startTestGateway({
    sites: [SITE, NORTH],
    points: [POINT, EXIT, NORTH_DESK],
    alerts: { defaults: true, rules: [], evaluateEveryMs: 1000 },
    devices: [...DEVICES, { id: 'exit-1', pointId: EXIT.id, buttons: 4, responseIntervalMs: 0, mqttPassword: 'exit-1-secret' }],
  });
  session = await t.login();
  browser = await launchChromium();
  const signedIn = await signedInContext(browser, t.gateway.httpUrl, 'admin', TEST_PASSWORD);
  context = signedIn.context;
  await signedIn.page.close();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await t?.close();
});

let boots = 0;

async function press(deviceId: string, password: string, plan: number[]): Promise<void> {
  const button = new SimulatedButton({
    brokerUrl: t.gateway.mqttUrl,
    siteId: SITE.id,
    deviceId,
    buttons: 4,
    password,
    bootCounter: ++boots,
  });
  await button.connect();
  plan.forEach((b) => button.press(b));
  await button.drained();
  await button.close();
}

const tileText = (page: Page, index: string, part: 'value' | 'answer-count') =>
  page.locator(`fb-index-tile[data-index=${index}] [data-testid=${part}]`).textContent();

describe('the dashboard views', () => {
  it('shows every index with its n, and the overview follows presses live without a reload', async () => {
    const page = await context.newPage();
    await page.goto(`${t.gateway.httpUrl}/dashboard/overview`);
    await expect.poll(() => page.locator('fb-index-tile[data-index]').count()).toBe(12);
    expect(await tileText(page, 'nps', 'value')).toBe('not enough answers');
    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    await press('exit-1', 'exit-1-secret', pressPlan([5, 5, 10, 20]));
    await expect.poll(() => tileText(page, 'happy', 'answer-count')).toBe('n = 40 answers');
    // 40 presses are 40 people: buttons 1-2 of 4 the lower half (5 + 5), buttons 3-4 the upper (10 + 20)
    await expect
      .poll(() => page.locator('fb-overview [data-responses]').textContent())
      .toMatch(/^\s*40 responses: 10 negative, 30 positive\s*$/);
    const api = await t.get<{ indices: { index: string; result: { value: number } }[] }>(
      `/api/overview?from=${Date.now() - 3_600_000}&to=${Date.now() + 3_600_000}`,
      session,
    );
    expect(await tileText(page, 'happy', 'value')).toBe(api.indices.find((i) => i.index === 'happy')!.result.value.toFixed(1));
    expect(navigations).toBe(0);
    await page.close();
  });

  it('keeps the filters and the view in the URL: a reload shows the same view', async () => {
    const page = await context.newPage();
    await page.goto(`${t.gateway.httpUrl}/dashboard/breakdowns`);
    await page.locator('fb-filter-bar select[name=period]').selectOption('7d');
    await page.locator('fb-breakdowns select[name=by]').selectOption('point');
    await page.locator('fb-filter-bar select[name=pointId]').selectOption(EXIT.id);
    await expect.poll(() => new URL(page.url()).search).toBe('?by=point&period=7d&pointId=exit');
    await page.locator(`fb-breakdowns tr[data-group=${EXIT.id}]`).waitFor();
    await page.reload();
    await page.locator(`fb-breakdowns tr[data-group=${EXIT.id}]`).waitFor();
    expect(await page.locator('fb-filter-bar select[name=pointId]').inputValue()).toBe(EXIT.id);
    expect(await page.locator('fb-filter-bar select[name=period]').inputValue()).toBe('7d');
    expect(await page.locator('fb-breakdowns tr[data-group]').count()).toBe(1);
    // the export follows the filter: only the exit's answers, as CSV with the session's cookie
    const href = await page.locator('fb-filter-bar [data-testid=export-csv]').getAttribute('href');
    expect(new URL(href!, t.gateway.httpUrl).searchParams.get('pointId')).toBe(EXIT.id);
    const csv = await page.evaluate<string, string>((url) => fetch(url).then((r) => r.text()), href!);
    const rows = csv.trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.split(',')[4] === EXIT.id)).toBe(true);
    // a device and a channel narrow it further, in the URL too
    await page.locator('fb-filter-bar select[name=deviceId]').selectOption('exit-1');
    await page.locator('fb-filter-bar select[name=channel]').selectOption('button');
    await expect.poll(() => new URL(page.url()).searchParams.get('deviceId')).toBe('exit-1');
    await page.reload();
    await page.locator(`fb-breakdowns tr[data-group=${EXIT.id}]`).waitFor();
    expect(await page.locator('fb-filter-bar select[name=deviceId]').inputValue()).toBe('exit-1');
    expect(await page.locator('fb-filter-bar select[name=channel]').inputValue()).toBe('button');
    const deviceHref = await page.locator('fb-filter-bar [data-testid=export-csv]').getAttribute('href');
    const deviceRows = (await page.evaluate<string, string>((url) => fetch(url).then((r) => r.text()), deviceHref!))
      .trim()
      .split('\n')
      .slice(1);
    expect(deviceRows.length).toBeGreaterThan(0);
    expect(deviceRows.every((row) => row.split(',')[5] === 'exit-1')).toBe(true);
    await page.close();
  });

  it('draws the hour × weekday heat map from the same figures the API gives, under the CSP', async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    await page.context().addCookies(browserCookies(session, t.gateway.httpUrl));
    await page.goto(`${t.gateway.httpUrl}/dashboard/breakdowns?by=hourOfWeek&period=7d`);
    await page.locator('fb-breakdowns [data-testid=heat-map] td[data-cell]').first().waitFor();
    const { groups } = await t.get<{ groups: { group: string; result: { n: number; enough: boolean; value: number } }[] }>(
      `/api/indices/happy/breakdown?by=hourOfWeek&from=${Date.now() - 7 * 86_400_000}&to=${Date.now() + 86_400_000}`,
      session,
    );
    const shown = groups.find((g) => g.result.enough)!;
    expect(await page.locator(`fb-breakdowns td[data-cell="${shown.group}"]`).textContent()).toBe(String(Math.round(shown.result.value)));
    expect(await page.locator(`fb-breakdowns td[data-cell="${shown.group}"]`).getAttribute('class')).toMatch(/^heat-[0-4]$/);
    expect(blocked).toEqual([]);
    await page.close();
  });

  it('draws a trend with the period of equal length just before it, dashed, on the same axis', async () => {
    const page = await context.newPage();
    const trends: URL[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/indices/happy/trend')) trends.push(new URL(r.url()));
    });
    // with every site (Berlin and Moscow), days are each site's own: the gateway is asked for each site's
    // last 7 local days and the 7 before, and the screen says so
    await page.goto(`${t.gateway.httpUrl}/dashboard/trends?interval=day&period=7d`);
    await page.locator('fb-trend-chart canvas').waitFor();
    expect(await page.locator('fb-trends select[name=interval]').inputValue()).toBe('day');
    await expect.poll(() => page.locator('fb-filter-bar [data-testid=range-zone]').textContent()).toMatch(/its own local days/);
    await expect.poll(() => trends.length).toBeGreaterThanOrEqual(2);
    const asked = trends.map((u) => Object.fromEntries([...u.searchParams].filter(([k]) => k !== 'interval')));
    expect(asked).toContainEqual({ lastDays: '7' });
    expect(asked).toContainEqual({ lastDays: '7', skipDays: '7' });
    expect(trends.every((u) => u.searchParams.get('interval') === 'day' && !u.searchParams.has('from'))).toBe(true);
    expect(await page.locator('fb-trends [role=alert]').count()).toBe(0);
    trends.length = 0;
    await page.goto(`${t.gateway.httpUrl}/dashboard/trends?interval=day&period=7d&siteId=${SITE.id}`);
    await page.locator('fb-trend-chart canvas').waitFor();
    expect(await page.locator('fb-trends [role=alert]').count()).toBe(0);
    await expect.poll(() => trends.length).toBeGreaterThanOrEqual(2);
    const [current, previous] = [trends[0]!, trends[1]!].map((u) => ({
      from: Number(u.searchParams.get('from')),
      to: Number(u.searchParams.get('to')),
      interval: u.searchParams.get('interval'),
    }));
    expect(previous!.to).toBe(current!.from);
    expect(previous!.to - previous!.from).toBe(current!.to - current!.from);
    expect(previous!.interval).toBe('day');
    expect(await page.locator('fb-trend-chart .u-legend').textContent()).toContain('previous period');
    await page.close();
  });

  it("draws customers served and the response rate on the trend's time axis", async () => {
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const recorded = await fetch(`${t.gateway.httpUrl}/api/customers`, {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ pointId: POINT.id, from: hour, to: hour + 3_600_000, count: 400 }),
    });
    expect(recorded.status).toBe(204);
    const page = await context.newPage();
    await page.goto(`${t.gateway.httpUrl}/dashboard/trends?interval=hour&siteId=${SITE.id}`);
    await expect.poll(() => page.locator('fb-trends [data-testid=traffic] fb-trend-chart').count()).toBe(2);
    await page.locator('fb-trends [data-testid=traffic] fb-trend-chart canvas').first().waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.close();
  });

  it('says what each n counts: answers, customers or faces, in English, Russian and Chinese with their plural forms', async () => {
    const page = await context.newPage();
    const tiles = async () =>
      Object.fromEntries(
        await Promise.all(
          ['happy', 'responseRate', 'emotionalNps'].map(async (index) => [
            index,
            `${await tileText(page, index, 'value')} | ${await tileText(page, index, 'answer-count')}`,
          ]),
        ),
      );
    // The north site has served no customers and seen no faces: the traffic and emotion tiles say what they lack.
    // (A tile names its unit only once loaded, so waiting for "customers" waits for the figures.)
    await page.goto(`${t.gateway.httpUrl}/dashboard/overview?lang=en&siteId=${NORTH.id}`);
    await expect.poll(async () => (await tiles()).responseRate).toBe('not enough customers | n = 0 customers');
    expect((await tiles()).emotionalNps).toBe('not enough faces | n = 0 faces');
    await page.goto(`${t.gateway.httpUrl}/dashboard/overview?lang=ru&siteId=${NORTH.id}`);
    await expect.poll(async () => (await tiles()).responseRate).toBe('недостаточно клиентов | n = 0 клиентов');
    expect((await tiles()).emotionalNps).toBe('недостаточно лиц | n = 0 лиц');
    // Russian plural forms: 1 ответ, 2–4 ответа, 5+ ответов (n is whatever the earlier tests pressed at the first site)
    await page.goto(`${t.gateway.httpUrl}/dashboard/overview?lang=ru&siteId=${SITE.id}`);
    await expect.poll(async () => (await tiles()).responseRate).toMatch(/\| n = 400 клиентов$/);
    const n = Number(/n = (\d+)/.exec((await tiles()).happy)![1]);
    expect(n).toBeGreaterThan(0);
    const form =
      n % 10 === 1 && n % 100 !== 11 ? 'ответ' : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'ответа' : 'ответов';
    expect((await tiles()).happy).toContain(`n = ${n} ${form}`);
    await page.goto(`${t.gateway.httpUrl}/dashboard/overview?lang=zh&siteId=${NORTH.id}`);
    await expect.poll(async () => (await tiles()).responseRate).toBe('顾客不足 | n = 0 位顾客');
    await page.goto(`${t.gateway.httpUrl}/dashboard/overview?lang=en`);
    await page.close();
  });

  it('switches every visible string to Russian', async () => {
    // a burst of unhappy answers at the exit fires the default alert, whose text is checked below
    await press('exit-1', 'exit-1-secret', pressPlan([40, 0, 0, 0]));
    await expect
      .poll(async () => (await t.get<{ alerts: { pointId: string }[] }>('/api/alerts', session)).alerts.some((a) => a.pointId === EXIT.id))
      .toBe(true);
    const page = await context.newPage();
    await page.goto(`${t.gateway.httpUrl}/dashboard/overview`);
    await page.locator('fb-index-tile[data-index=happy]').waitFor();
    await page.locator('header select').selectOption('ru');
    await page.getByText('Обзор').waitFor();
    const text = await visibleText(page);
    const english = Object.entries(en as Record<string, string>)
      .filter(([key, value]) => (ru as Record<string, string>)[key] !== value && !value.includes('{{') && value.length > 3)
      .map(([, value]) => value)
      .filter((value) => text.includes(value));
    expect(english).toEqual([]);
    // the alerts feed too: each alert said from its figures, not in the gateway's English
    await expect.poll(() => page.locator('fb-alerts-panel li strong').count()).toBeGreaterThan(0);
    for (const alert of await page.locator('fb-alerts-panel li strong').allTextContents())
      expect(alert).toMatch(/негативных .* за последние \d+ мин/);
    await page.locator('header select').selectOption('en');
    await page.close();
  });

  it.each([
    ['sign-in', '/dashboard/', false],
    ['overview', '/dashboard/overview', true],
    ['trends', '/dashboard/trends', true],
    ['breakdowns', '/dashboard/breakdowns', true],
    ['heat map', '/dashboard/breakdowns?by=hourOfWeek&period=7d', true],
  ])('has no serious or critical accessibility finding on the %s screen (axe-core)', async (_name, path, signedIn) => {
    const page = signedIn ? await context.newPage() : await (await browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(`${t.gateway.httpUrl}${path}`);
    await page.locator(signedIn ? 'fb-filter-bar' : 'fb-sign-in').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.close();
  });

  /** Creates a user with a password set by the admin (they must choose their own at first sign-in). */
  async function createUser(username: string, role: string, sites: string[]): Promise<string> {
    const password = `${username}-first-password`;
    const response = await fetch(`${t.gateway.httpUrl}/api/users`, {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, role, sites }),
    });
    expect(response.status).toBe(201);
    return password;
  }

  /** Signs in through the screens in a fresh browser, choosing a new password on the way. */
  async function signInAs(username: string, password: string): Promise<Page> {
    const page = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${t.gateway.httpUrl}/dashboard/overview`);
    await submitSignIn(page, username, password);
    await page.locator('fb-change-password input[name=currentPassword]').fill(password);
    await page.locator('fb-change-password input[name=newPassword]').fill(`${username}-own-password`);
    await page.locator('fb-change-password input[name=repeat]').fill(`${username}-own-password`);
    await page.locator('fb-change-password button[type=submit]').click();
    await page.locator('fb-overview').waitFor();
    return page;
  }

  it('makes a user with a given password choose their own first; a viewer sees alerts but can act on none, and the API agrees', async () => {
    await press('exit-1', 'exit-1-secret', Array<number>(60).fill(0));
    await expect
      .poll(async () => (await t.get<{ alerts: unknown[] }>('/api/alerts?status=open', session)).alerts.length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const page = await signInAs('vera', await createUser('vera', 'viewer', [SITE.id]));
    await page.locator('fb-alerts-panel li[data-status=open]').first().waitFor();
    expect(await page.locator('fb-alerts-panel form').count()).toBe(0);
    const csrf = (await page.evaluate<{ csrfToken: string }>(`fetch('/api/auth/me').then((r) => r.json())`)).csrfToken;
    const id = await page.locator('fb-alerts-panel li[data-status=open]').first().getAttribute('data-alert');
    const status = await page.evaluate<number, { id: string; csrf: string }>(
      ({ id, csrf }) =>
        fetch(`/api/alerts/${id}/ack`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: '{}',
        }).then((r) => r.status),
      { id: id!, csrf },
    );
    expect(status).toBe(403);
    await page.context().close();
  });

  it("shows a manager their own sites only: the filters offer nothing else and the API refuses another site's figures", async () => {
    const page = await signInAs('nadia', await createUser('nadia', 'manager', [NORTH.id]));
    await expect
      .poll(() => page.locator('fb-filter-bar select[name=pointId] option').allTextContents())
      .toEqual(['All points', NORTH_DESK.name]);
    expect(await page.locator('fb-filter-bar select[name=siteId] option').allTextContents()).toEqual(['All sites', NORTH.name]);
    const status = await page.evaluate<number, string>(
      (site) => fetch(`/api/overview?from=0&to=1&siteId=${site}`).then((r) => r.status),
      SITE.id,
    );
    expect(status).toBe(403);
    expect(await page.locator('fb-devices-panel tr[data-device]').count()).toBe(0);
    await page.context().close();
  });
});
