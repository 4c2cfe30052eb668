import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SimulatedButton } from '@feedback/firmware-protocol';
import { DEVICES, POINT, SITE, TEST_PASSWORD, pressPlan, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { launchChromium, submitSignIn } from './helpers/browser.ts';

let t: TestGateway;
let browser: Browser;

beforeAll(async () => {
  t = await startTestGateway();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function signIn(page: Page, password: string): Promise<void> {
  await page.goto(`${t.gateway.httpUrl}/dashboard/`);
  await submitSignIn(page, 'admin', password);
}

/** Polls a locator's text until it matches or the time is up; returns the last text and when it matched. */
async function waitForText(page: Page, selector: string, expected: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text =
      (await page
        .locator(selector)
        .first()
        .textContent({ timeout: timeoutMs })
        .catch(() => '')) ?? '';
    if (text.trim() === expected) return text.trim();
    await page.waitForTimeout(25);
  }
  return text.trim();
}

describe('the manager dashboard', () => {
  it('refuses a wrong password', async () => {
    const page = await browser.newPage();
    await signIn(page, 'not the password');
    // a slow password hash on a busy two-core machine can take seconds
    await expect.poll(() => page.locator('[role=alert]').textContent(), { timeout: 15_000 }).toMatch(/Wrong user name or password/);
    await page.close();
  });

  it('shows the Happy Index live, within 2 s of the presses, without reload', async () => {
    const page = await browser.newPage();
    await signIn(page, TEST_PASSWORD);
    const card = `fb-index-tile[data-point="${POINT.id}"]`;
    expect(await waitForText(page, `${card} [data-testid=value]`, 'not enough answers', 10_000)).toBe('not enough answers');
    expect(await waitForText(page, '[data-testid=live-status]', 'live', 10_000)).toBe('live');
    let navigations = 0;
    page.on('framenavigated', () => navigations++);

    const button = new SimulatedButton({
      brokerUrl: t.gateway.mqttUrl,
      siteId: SITE.id,
      deviceId: DEVICES[1]!.id,
      buttons: 4,
      password: DEVICES[1]!.mqttPassword,
    });
    await button.connect();
    for (const b of pressPlan([17, 16, 60, 126])) button.press(b);
    await button.drained();
    const acknowledgedAt = Date.now();
    const shown = await waitForText(page, `${card} [data-testid=value]`, '78.2', 2000);
    const elapsed = Date.now() - acknowledgedAt;
    await button.close();

    expect(shown).toBe('78.2');
    expect(elapsed).toBeLessThanOrEqual(2000);
    expect(await page.locator(`${card} [data-testid=answer-count]`).textContent()).toBe('n = 219 answers');
    expect(navigations).toBe(0);
    await page.screenshot({ path: `${t.dataDir}/dashboard.png` });
    await page.close();
  });
});

describe('under the Content-Security-Policy', () => {
  /** What the browser refuses on a page: CSP violations reported as console errors. */
  async function violations(page: Page): Promise<string[]> {
    const seen: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) seen.push(m.text());
    });
    return seen;
  }

  it('the API docs and the dashboard load and work with nothing blocked, and the session survives a reload', async () => {
    const page = await browser.newPage();
    const seen = await violations(page);
    await page.goto(`${t.gateway.httpUrl}/docs/`);
    await page.getByText('/api/auth/login', { exact: true }).first().waitFor({ timeout: 10_000 });
    await signIn(page, TEST_PASSWORD);
    await page.locator('[data-testid=live-status]').getByText('live').waitFor({ timeout: 10_000 });
    await page.reload();
    await page.locator('[data-testid=live-status]').getByText('live').waitFor({ timeout: 10_000 });
    expect(await page.evaluate<string>('document.cookie')).not.toContain('fb_session');
    expect(seen).toEqual([]);
    await page.close();
  });
});
