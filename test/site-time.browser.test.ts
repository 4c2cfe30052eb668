import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEST_PASSWORD, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { launchChromium, submitSignIn } from './helpers/browser.ts';
import { seriousAccessibilityFindings } from './helpers/axe.ts';

// Shanghai keeps UTC+8 all year (no DST since 1991); Moscow keeps UTC+3: their midnights lie 5 h apart
const SHANGHAI = { id: 'shanghai', name: 'Shanghai', timeZone: 'Asia/Shanghai' };
const SHANGHAI_DESK = { id: 'sh-desk', siteId: SHANGHAI.id, name: 'Shanghai desk' };
const MOSCOW = { id: 'moscow', name: 'Moscow', timeZone: 'Europe/Moscow' };
const MOSCOW_DESK = { id: 'mo-desk', siteId: MOSCOW.id, name: 'Moscow desk' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Shanghai's midnight that starts the day holding `now`: a fixed +8 h offset, so plain arithmetic. */
const shanghaiMidnight = (now: number) => Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR;

let t: TestGateway;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  t = await startTestGateway({ sites: [SHANGHAI, MOSCOW], points: [SHANGHAI_DESK, MOSCOW_DESK], devices: [] });
  browser = await launchChromium();
  // the manager's browser sits in Moscow: it must decide nothing
  context = await browser.newContext({ bypassCSP: true, timezoneId: 'Europe/Moscow', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${t.gateway.httpUrl}/dashboard/`);
  await submitSignIn(page, 'admin', TEST_PASSWORD);
  await page.locator('fb-overview').waitFor();
  await page.close();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await t?.close();
});

/** The overview requests the page makes, as URLs. */
function overviewRequests(page: Page): URL[] {
  const seen: URL[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/overview') seen.push(new URL(r.url()));
  });
  return seen;
}

describe("the dashboard's ranges are the site's local days, whatever the browser's zone", () => {
  it("asks for Shanghai's today (Shanghai midnight to Shanghai midnight) from a browser in Moscow", async () => {
    const page = await context.newPage();
    expect(await page.evaluate<string>('Intl.DateTimeFormat().resolvedOptions().timeZone')).toBe('Europe/Moscow');
    const requests = overviewRequests(page);
    const before = Date.now();
    await page.goto(`${t.gateway.httpUrl}/dashboard/overview?siteId=${SHANGHAI.id}`);
    await expect.poll(() => requests.length).toBeGreaterThan(0);
    const after = Date.now();
    // every request the page made for this view asked for Shanghai's day (none for a Moscow or UTC day first)
    const expected = [before, after].map((now) => ({ from: String(shanghaiMidnight(now)), to: String(shanghaiMidnight(now) + DAY) }));
    for (const url of requests) {
      const got = { from: url.searchParams.get('from'), to: url.searchParams.get('to') };
      expect(expected).toContainEqual(got);
    }
    await expect.poll(() => page.locator('fb-filter-bar [data-testid=range-zone]').textContent()).toContain('Asia/Shanghai');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.close();
  });

  it('a custom range of dates is whole Shanghai days, both dates included', async () => {
    const page = await context.newPage();
    const requests = overviewRequests(page);
    await page.goto(`${t.gateway.httpUrl}/dashboard/overview?siteId=${SHANGHAI.id}&period=custom&fromDate=2026-03-01&toDate=2026-03-02`);
    await expect.poll(() => requests.length).toBeGreaterThan(0);
    // 2026-03-01 00:00 in Shanghai is 2026-02-28 16:00 UTC; the range ends at 2026-03-03 00:00 there
    expect(requests.at(-1)!.searchParams.get('from')).toBe(String(Date.parse('2026-02-28T16:00:00Z')));
    expect(requests.at(-1)!.searchParams.get('to')).toBe(String(Date.parse('2026-03-02T16:00:00Z')));
    await page.close();
  });

  it("counts each site's own local days when the sites covered lie in different zones, and says so in English and Russian", async () => {
    const page = await context.newPage();
    await page.goto(`${t.gateway.httpUrl}/dashboard/overview?lang=en`);
    const note = page.locator('fb-filter-bar [data-testid=range-zone]');
    await expect.poll(() => note.textContent()).toMatch(/different time zones: each site's figures cover its own local days/);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    // and the figures are asked as each site's own today (Shanghai's and Moscow's), not one UTC day
    const requests = overviewRequests(page);
    await page.goto(`${t.gateway.httpUrl}/dashboard/overview?lang=ru`);
    await expect.poll(() => note.textContent()).toMatch(/разных часовых поясах: показатели каждой площадки считаются по её местным дням/);
    await expect.poll(() => requests.length).toBeGreaterThan(0);
    expect(requests.every((u) => u.searchParams.get('lastDays') === '1' && !u.searchParams.has('from'))).toBe(true);
    await page.close();
  });
});
