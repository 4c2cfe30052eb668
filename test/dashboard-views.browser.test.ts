import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SimulatedButton } from '@feedback/firmware-protocol';
import en from '../dashboard/web-base/src/locales/en.json' with { type: 'json' };
import ru from '../dashboard/web-base/src/locales/ru.json' with { type: 'json' };
import { DEVICES, POINT, SITE, TEST_PASSWORD, pressPlan, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { launchChromium } from './helpers/browser.ts';
import { seriousAccessibilityFindings, visibleText } from './helpers/axe.ts';
import type { SignedIn } from './helpers/sign-in.ts';

const EXIT = { id: 'exit', siteId: SITE.id, name: 'Exit' };
let t: TestGateway;
let browser: Browser;
let context: BrowserContext;
let session: SignedIn;

beforeAll(async () => {
  t = await startTestGateway({
    points: [POINT, EXIT],
    devices: [...DEVICES, { id: 'exit-1', pointId: EXIT.id, buttons: 4, responseIntervalMs: 0, mqttPassword: 'exit-1-secret' }],
  });
  session = await t.login();
  browser = await launchChromium();
  // axe-core is injected as a script, which the gateway's Content-Security-Policy would rightly refuse
  context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${t.gateway.httpUrl}/dashboard/`);
  await page.locator('input[name=username]').fill('admin');
  await page.locator('input[name=password]').fill(TEST_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.locator('fb-overview').waitFor();
  await page.close();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await t?.close();
});

async function press(deviceId: string, password: string, plan: number[]): Promise<void> {
  const button = new SimulatedButton({ brokerUrl: t.gateway.mqttUrl, siteId: SITE.id, deviceId, buttons: 4, password });
  await button.connect();
  plan.forEach((b) => button.press(b));
  await button.drained();
  await button.close();
}

const tileText = (page: Page, index: string, part: 'value' | 'answer-count') => page.locator(`fb-index-tile[data-index=${index}] [data-testid=${part}]`).textContent();

describe('the dashboard views', () => {
  it('shows every index with its n, and the overview follows presses live without a reload', async () => {
    const page = await context.newPage();
    await page.goto(`${t.gateway.httpUrl}/dashboard/overview`);
    await expect.poll(() => page.locator('fb-index-tile[data-index]').count()).toBe(12);
    expect(await tileText(page, 'nps', 'value')).toBe('not enough answers');
    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    await press('exit-1', 'exit-1-secret', pressPlan([5, 5, 10, 20]));
    await expect.poll(() => tileText(page, 'happy', 'answer-count'), { timeout: 2000 }).toBe('40 answers');
    const api = await t.get<{ indices: { index: string; result: { value: number } }[] }>(`/api/overview?from=${Date.now() - 3_600_000}&to=${Date.now() + 3_600_000}`, session);
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
    await page.close();
  });

  it('switches every visible string to Russian', async () => {
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
    await page.locator('header select').selectOption('en');
    await page.close();
  });

  it.each([
    ['sign-in', '/dashboard/', false],
    ['overview', '/dashboard/overview', true],
    ['trends', '/dashboard/trends', true],
    ['breakdowns', '/dashboard/breakdowns', true],
  ])('has no serious or critical accessibility finding on the %s screen (axe-core)', async (_name, path, signedIn) => {
    const page = signedIn ? await context.newPage() : await (await browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(`${t.gateway.httpUrl}${path}`);
    await page.locator(signedIn ? 'fb-filter-bar' : 'fb-sign-in').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.close();
  });
});
