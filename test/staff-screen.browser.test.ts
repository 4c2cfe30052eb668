import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SimulatedButton } from '@feedback/firmware-protocol';
import { DEVICES, POINT, SITE, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { launchChromium } from './helpers/browser.ts';
import { seriousAccessibilityFindings, visibleText } from './helpers/axe.ts';
import { scopedToken } from './helpers/identities.ts';

const SURVEY = {
  id: 'exit',
  name: 'Exit survey',
  questions: [{ id: 'recommend', number: 1, scale: 'nps11', label: 'Would you recommend us?' }],
};

let t: TestGateway;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let token: string;
let button: SimulatedButton;

beforeAll(async () => {
  t = await startTestGateway({
    points: [{ ...POINT, goal: 85 }],
    surveys: [SURVEY],
    devices: [...DEVICES, { id: 'kiosk-1', pointId: POINT.id, buttons: 4, responseIntervalMs: 0, surveyId: SURVEY.id }],
  });
  const session = await t.login();
  const created = await fetch(`${t.gateway.httpUrl}/api/tokens`, {
    method: 'POST',
    headers: { ...session.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'front desk TV', kind: 'screen', pointId: POINT.id }),
  });
  token = ((await created.json()) as { token: string }).token;
  browser = await launchChromium();
  context = await browser.newContext({ bypassCSP: true, viewport: { width: 1920, height: 1080 } });
  page = await context.newPage();
  button = new SimulatedButton({
    brokerUrl: t.gateway.mqttUrl,
    siteId: SITE.id,
    deviceId: DEVICES[0]!.id,
    buttons: 4,
    password: DEVICES[0]!.mqttPassword,
  });
  await button.connect();
});
afterAll(async () => {
  await button?.close();
  await context?.close();
  await browser?.close();
  await t?.close();
});

async function press(...buttons: number[]): Promise<void> {
  buttons.forEach((b) => button.press(b));
  await button.drained();
}

describe('the staff-motivation screen', () => {
  it('opens with its token once, then keeps it out of the address bar, and shows the goal', async () => {
    await page.goto(`${t.gateway.httpUrl}/screen/front-desk#token=${token}`);
    await page.locator('[data-testid=goal]').waitFor();
    expect(await page.locator('[data-testid=goal]').textContent()).toBe('85');
    expect(page.url()).not.toContain(token);
    expect(await page.locator('[data-testid=streak]').textContent()).toBe('0');
  });

  it('thanks the desk within a second of each positive press, counts the streak, and a negative one ends it', async () => {
    await press(3);
    await page.locator('[data-testid=thanks]').waitFor({ timeout: 1000 });
    await expect.poll(() => page.locator('[data-testid=streak]').textContent()).toBe('1');
    await press(2, 3);
    await expect.poll(() => page.locator('[data-testid=streak]').textContent()).toBe('3');
    await press(0);
    await expect.poll(() => page.locator('[data-testid=streak]').textContent()).toBe('0');
    // never a word of the negative answer: the screen shows only counts and its own labels
    expect(await visibleText(page)).not.toMatch(/negative|complain/i);
  });

  it('comes back by itself after a reload, with the token it kept', async () => {
    await page.reload();
    await page.locator('[data-testid=goal]').waitFor();
    await press(3);
    await page.locator('[data-testid=thanks]').waitFor({ timeout: 1000 });
  });

  it('has no serious or critical accessibility finding (axe-core), with and without the thank-you', async () => {
    // mid-animation the overlay fades, and axe would judge a half-transparent colour: check it
    // steady (reduced motion shows it without the fade), then the screen once it has gone
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await press(3);
    await page.locator('[data-testid=thanks]').waitFor({ timeout: 1000 });
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.locator('[data-testid=thanks]').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('holds a token that reads its own point and nothing of the dashboard', async () => {
    const bearer = { authorization: `Bearer ${token}` };
    expect((await fetch(`${t.gateway.httpUrl}/api/screen/summary`, { headers: bearer })).status).toBe(200);
    expect((await fetch(`${t.gateway.httpUrl}/api/overview?from=0&to=1`, { headers: bearer })).status).toBe(403);
    expect((await fetch(`${t.gateway.httpUrl}/api/answers`, { headers: bearer })).status).toBe(403);
  });

  it('shows the positive comments a manager chose, and never a negative one', async () => {
    const session = await t.login();
    const kiosk = {
      authorization: `Bearer ${(await scopedToken(t, session, { name: 'kiosk', kind: 'kiosk', deviceId: 'kiosk-1' })).token}`,
      'content-type': 'application/json',
    };
    const post = (path: string, body: unknown, headers: Record<string, string>, method = 'POST') =>
      fetch(`${t.gateway.httpUrl}${path}`, { method, headers, body: JSON.stringify(body) });
    await post(
      '/api/kiosk/answers',
      {
        boot: 1,
        answers: [
          { seq: 1, question: 1, value: 10, uptimeMs: 1 },
          { seq: 2, question: 1, value: 1, uptimeMs: 2 },
        ],
      },
      kiosk,
    );
    await post('/api/kiosk/notes', { boot: 1, seq: 1, comment: 'Anna at the desk was wonderful' }, kiosk);
    await post('/api/kiosk/notes', { boot: 1, seq: 2, comment: 'Rude and slow' }, kiosk);
    const manage = { ...session.headers, 'content-type': 'application/json' };
    expect((await post('/api/comments/kiosk-1/1/2/publishable', { publishable: true }, manage, 'PUT')).status).toBe(409);
    expect((await post('/api/comments/kiosk-1/1/1/publishable', { publishable: true }, manage, 'PUT')).status).toBe(204);
    await page.reload();
    await expect.poll(() => page.locator('[data-testid=comments]').textContent()).toContain('Anna at the desk was wonderful');
    expect(await visibleText(page)).not.toContain('Rude and slow');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
  });
});
