import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { POINT, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { launchChromium } from './helpers/browser.ts';
import { exitSurvey } from './helpers/surveys.ts';
import { seriousAccessibilityFindings } from './helpers/axe.ts';
import { scopedToken } from './helpers/identities.ts';
import type { SignedIn } from './helpers/sign-in.ts';

const SURVEY = exitSurvey({
  followUp: {
    question: 1,
    negative: [
      { id: 'service:waiting-time', label: 'Waiting time' },
      { id: 'product:quality', label: 'Quality' },
    ],
    positive: [{ id: 'staff', label: 'Friendly staff' }],
  },
});

interface CaseView {
  sourceKey: string;
  category: string;
  contact: string | null;
  summary: string;
}

let t: TestGateway;
let admin: SignedIn;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  t = await startTestGateway({
    surveys: [SURVEY],
    devices: [{ id: 'kiosk-1', pointId: POINT.id, buttons: 4, responseIntervalMs: 0, surveyId: SURVEY.id }],
    alerts: { defaults: false },
  });
  admin = await t.login();
  const { token } = await scopedToken(t, admin, { name: 'lobby kiosk', kind: 'kiosk', deviceId: 'kiosk-1' });
  browser = await launchChromium();
  // axe-core is injected as a script, which the gateway's Content-Security-Policy would rightly refuse
  context = await browser.newContext({ bypassCSP: true, viewport: { width: 1080, height: 1920 } });
  page = await context.newPage();
  // The terminal flags an answer given faster than a person reads: the test's clock moves as a reader's would.
  await page.clock.install();
  await page.goto(`${t.gateway.httpUrl}/kiosk/#token=${token}`);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await t?.close();
});

const cases = async () => (await t.get<{ cases: CaseView[] }>('/api/cases', admin)).cases;

describe('the kiosk follow-up', () => {
  it('asks why with the negative choices, takes a comment and a callback only with consent, and the gateway opens one case with the contact', async () => {
    await page.clock.fastForward(2000);
    await page.locator('fb-scale-question[data-question="1"] button[data-value="2"]').click();
    const choices = page.locator('fb-follow-up button[data-choice]');
    await expect.poll(() => choices.allTextContents()).toEqual(['Waiting time', 'Quality']);
    for (const box of await Promise.all((await choices.all()).map((c) => c.boundingBox()))) expect(box!.height).toBeGreaterThanOrEqual(48);
    await page.locator('fb-follow-up button[data-choice="service:waiting-time"]').click();
    expect(await page.locator('fb-follow-up button[data-choice="service:waiting-time"]').getAttribute('aria-pressed')).toBe('true');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.locator('fb-follow-up button[data-next]').click();
    await page.locator('fb-follow-up textarea[name=comment]').fill('Twenty minutes, one till open');
    await page.locator('fb-follow-up button[data-next]').click();
    const contact = page.locator('fb-follow-up input[name=contact]');
    await contact.fill('call me');
    await page.locator('fb-follow-up input[name=consent]').check();
    await page.locator('fb-follow-up button[data-callback]').click();
    await page.locator('fb-follow-up [role=alert]').waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await contact.fill('+49 30 1234567');
    await page.locator('fb-follow-up input[name=consent]').uncheck();
    await page.locator('fb-follow-up button[data-callback]').click();
    // Without the consent box the browser keeps the form: still on the callback step.
    expect(
      await page
        .locator('fb-follow-up input[name=consent]')
        .evaluate((el) => (el as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing),
    ).toBe(true);
    await page.locator('fb-follow-up input[name=consent]').check();
    await page.locator('fb-follow-up button[data-callback]').click();
    await page.clock.fastForward(2000);
    await page.locator('fb-scale-question[data-question="2"] button[data-value="2"]').click();
    await page.locator('[data-testid=thanks]').waitFor();

    await expect.poll(async () => (await cases()).length).toBe(1);
    const [opened] = await cases();
    expect(opened).toMatchObject({ category: 'service', contact: '+49301234567' });
    expect(opened!.summary).toMatch(/^callback request: nps11 2; reasons: service:waiting-time; “Twenty minutes, one till open”/);
  });

  it('asks a happy customer what they liked and offers no callback', async () => {
    await page.clock.fastForward(5000);
    await page.locator('[data-testid=thanks]').waitFor({ state: 'detached', timeout: 10_000 });
    await page.clock.fastForward(2000);
    await page.locator('fb-scale-question[data-question="1"] button[data-value="10"]').click();
    await expect.poll(() => page.locator('fb-follow-up button[data-choice]').allTextContents()).toEqual(['Friendly staff']);
    await page.locator('fb-follow-up button[data-next]').click();
    await page.locator('fb-follow-up textarea[name=comment]').waitFor();
    await page.locator('fb-follow-up button[data-next]').click();
    // No callback step after a positive answer: straight on to the next question.
    await page.clock.fastForward(2000);
    await page.locator('fb-scale-question[data-question="2"] button[data-value="5"]').click();
    await page.locator('[data-testid=thanks]').waitFor();
    await expect
      .poll(async () => (await t.get<{ answers: { value: number | null }[] }>('/api/answers?limit=10', admin)).answers.length)
      .toBe(4);
    // each answer came after its question had been on screen long enough to read: none is misuse
    expect((await t.get<{ answers: { misuse: boolean }[] }>('/api/answers?limit=10', admin)).answers.map((a) => a.misuse)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(await cases()).toHaveLength(1);
  });
});
