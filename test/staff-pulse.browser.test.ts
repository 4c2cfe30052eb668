import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './helpers/browser.ts';
import { seriousAccessibilityFindings } from './helpers/axe.ts';
import { randomUUID } from 'node:crypto';
import { POINT, SITE, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { scopedToken } from './helpers/identities.ts';
import type { SignedIn } from './helpers/sign-in.ts';

interface PulseWeek {
  week: string;
  staffOnShift: number;
  answers: number;
  ended: boolean;
  shown: boolean;
  enps: { value: number; n: number; ci: [number, number] } | null;
  drained: { value: number; n: number; ci: [number, number] } | null;
}

let t: TestGateway;
let admin: SignedIn;
let kiosk: Record<string, string>;
let kioskToken: string;

const post = (path: string, body: unknown, headers: Record<string, string>, method = 'POST') =>
  fetch(`${t.gateway.httpUrl}${path}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const thisWeek = async () => (await t.get<{ weeks: PulseWeek[] }>(`/api/pulse?siteId=${SITE.id}&weeks=1`, admin)).weeks[0]!;

/** How long staff hold the staff button (the kiosk's STAFF_HOLD_MS, 2 s). */
const STAFF_HOLD_MS = 2000;

/** Presses the mouse on the element and lets go after `ms`. */
async function holdDown(page: Page, element: Locator, ms: number): Promise<void> {
  const box = (await element.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(ms);
  await page.mouse.up();
}

beforeAll(async () => {
  t = await startTestGateway({ devices: [{ id: 'kiosk-1', pointId: POINT.id, buttons: 4, responseIntervalMs: 0 }] });
  admin = await t.login();
  kioskToken = (await scopedToken(t, admin, { name: 'kiosk', kind: 'kiosk', deviceId: 'kiosk-1' })).token;
  kiosk = { authorization: `Bearer ${kioskToken}` };
});
afterAll(async () => t?.close());

describe('the staff pulse', () => {
  it('stores each answer once, without any identity, and refuses an empty or absurd one', async () => {
    const key = randomUUID();
    expect(await (await post('/api/kiosk/pulse', { key, enps: 9, drained: 2 }, kiosk)).json()).toEqual({ outcome: 'stored' });
    expect(await (await post('/api/kiosk/pulse', { key, enps: 9, drained: 2 }, kiosk)).json()).toEqual({ outcome: 'duplicate' });
    expect((await post('/api/kiosk/pulse', { key: randomUUID(), enps: null, drained: null }, kiosk)).status).toBe(400);
    expect((await post('/api/kiosk/pulse', { key: randomUUID(), enps: 11, drained: 2 }, kiosk)).status).toBe(400);
    expect((await post('/api/kiosk/pulse', { key: randomUUID(), enps: 0, drained: 9 }, kiosk)).status).toBe(400);
    expect((await post('/api/kiosk/pulse', { key: randomUUID(), enps: 5, drained: 3 }, admin.headers)).status).toBe(403);
  });

  it('never shows the running week, even with five staff on shift and five answers (its figure would move with each answer)', async () => {
    for (const enps of [10, 9, 3, 7]) await post('/api/kiosk/pulse', { key: randomUUID(), enps, drained: enps < 5 ? 5 : 1 }, kiosk);
    // five answers, but nobody on shift this week: hidden
    expect(await thisWeek()).toMatchObject({ answers: 5, staffOnShift: 0, shown: false, enps: null, drained: null });
    const now = Date.now();
    for (let i = 1; i <= 5; i++) {
      expect((await post(`/api/staff/s${i}`, { name: `Staff ${i}` }, admin.headers, 'PUT')).status).toBe(204);
      expect(
        (await post('/api/shifts', { staffId: `s${i}`, pointId: POINT.id, from: now - 3_600_000, to: now + 3_600_000 }, admin.headers))
          .status,
      ).toBe(201);
    }
    // the group is big enough, but the week has not ended: still hidden (the shown week's figures: gateway/test/modules/staff/pulse-summary.test.ts)
    expect(await thisWeek()).toMatchObject({ answers: 5, staffOnShift: 5, ended: false, shown: false, enps: null, drained: null });
  });

  it('is answered on the kiosk by holding the staff button, anonymously, and the terminal goes back to the customers', async () => {
    const browser: Browser = await launchChromium();
    try {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${t.gateway.httpUrl}/kiosk/#token=${kioskToken}`);
      const staff = page.locator('button[data-pulse]');
      // a customer's tap on it, or a press let go too soon, opens nothing
      await staff.click();
      await holdDown(page, staff, STAFF_HOLD_MS - 1200);
      await page.waitForTimeout(1500);
      expect(await page.locator('[data-pulse-step]').count()).toBe(0);
      // staff hold it
      await holdDown(page, staff, STAFF_HOLD_MS + 300);
      await page.locator('fb-scale-question[data-question="pulse-0"] button[data-value="8"]').click();
      await page.locator('fb-scale-question[data-question="pulse-1"] button[data-value="4"]').waitFor();
      expect(await seriousAccessibilityFindings(page)).toEqual([]);
      await page.locator('fb-scale-question[data-question="pulse-1"] button[data-value="4"]').click();
      await page.locator('[data-testid=pulse-thanks]').waitFor();
      await expect.poll(async () => (await thisWeek()).answers).toBe(6);
      // the running week stays hidden however many answers come in
      expect(await thisWeek()).toMatchObject({ answers: 6, shown: false, drained: null });
      await page.locator('[data-testid=pulse-thanks]').waitFor({ state: 'detached', timeout: 10_000 });
      await page.locator('button[data-pulse]').waitFor();
    } finally {
      await browser.close();
    }
  });
});
