import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { POINT, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { launchChromium } from './helpers/browser.ts';
import { scopedToken } from './helpers/identities.ts';
import type { SignedIn } from './helpers/sign-in.ts';

const SURVEY = {
  id: 'exit',
  name: 'Exit survey',
  questions: [{ id: 'recommend', number: 1, scale: 'nps11', label: 'Would you recommend us to a friend?' }],
};

let t: TestGateway;
let admin: SignedIn;
let browser: Browser;
let token: string;

beforeAll(async () => {
  t = await startTestGateway({
    surveys: [SURVEY],
    devices: [{ id: 'kiosk-1', pointId: POINT.id, buttons: 4, responseIntervalMs: 0, surveyId: SURVEY.id }],
  });
  admin = await t.login();
  token = (await scopedToken(t, admin, { name: 'kiosk', kind: 'kiosk', deviceId: 'kiosk-1' })).token;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the kiosk app shell', () => {
  it('reloads from its service worker with the gateway unreachable, and what is answered then arrives later', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${t.gateway.httpUrl}/kiosk/#token=${token}`);
    await page.locator('fb-scale-question[data-question="1"] button[data-value]').first().waitFor();
    // installed and in control of the page (it claims its clients when it activates)
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              (globalThis as unknown as { navigator: { serviceWorker: { controller: unknown } } }).navigator.serviceWorker.controller !==
              null,
          ),
        { timeout: 10_000 },
      )
      .toBe(true);

    await context.setOffline(true);
    await page.reload();
    await page.locator('fb-scale-question[data-question="1"] button[data-value="8"]').click();
    await page.locator('[data-testid=thanks]').waitFor();
    await expect.poll(() => page.locator('[data-testid=queue]').textContent()).toMatch(/1 answer waiting to be sent · offline/);
    await context.setOffline(false);
    await page.evaluate(() => (globalThis as unknown as EventTarget).dispatchEvent(new Event('online')));
    await expect
      .poll(async () =>
        (await t.get<{ answers: { deviceId: string; value: number | null }[] }>('/api/answers?limit=10', admin)).answers
          .filter((a) => a.deviceId === 'kiosk-1')
          .map((a) => a.value),
      )
      .toEqual([8]);
    await context.close();
  });
});
