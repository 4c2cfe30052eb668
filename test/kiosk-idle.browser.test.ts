import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { POINT, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { launchChromium } from './helpers/browser.ts';
import { exitSurvey } from './helpers/surveys.ts';
import { scopedToken } from './helpers/identities.ts';
import type { SignedIn } from './helpers/sign-in.ts';

const SURVEY = exitSurvey({
  idle: { afterSeconds: 5, partial: 'discard' },
});

let t: TestGateway;
let admin: SignedIn;
let browser: Browser;
let page: Page;

const stored = async () =>
  (await t.get<{ answers: { deviceId: string }[] }>('/api/answers?limit=100', admin)).answers.filter((a) => a.deviceId === 'kiosk-1')
    .length;

/** Answers the first question, then leaves: the terminal must go back to it by itself. */
async function walkAway(): Promise<void> {
  await page.locator('fb-scale-question[data-question="1"] button[data-value="8"]').click();
  await page.locator('fb-scale-question[data-question="2"]').waitFor();
  await page.locator('fb-scale-question[data-question="1"]').waitFor({ timeout: 15_000 });
}

beforeAll(async () => {
  t = await startTestGateway({
    surveys: [SURVEY],
    devices: [{ id: 'kiosk-1', pointId: POINT.id, buttons: 4, responseIntervalMs: 0, surveyId: SURVEY.id }],
  });
  admin = await t.login();
  const { token } = await scopedToken(t, admin, { name: 'kiosk', kind: 'kiosk', deviceId: 'kiosk-1' });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
  await page.goto(`${t.gateway.httpUrl}/kiosk/#token=${token}`);
  await page.locator('fb-scale-question[data-question="1"] button[data-value]').first().waitFor();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('a kiosk between customers', () => {
  it('goes back to the first question after the idle time and drops the partial answers when the survey says discard', async () => {
    await walkAway();
    // nothing was queued: the footer shows no waiting answers, and the store holds none
    expect(await page.locator('[data-testid=queue]').textContent()).toBe('');
    expect(await stored()).toBe(0);
  });

  it('sends them when the survey, edited live, says submit', async () => {
    const response = await fetch(`${t.gateway.httpUrl}/api/settings/surveys/${SURVEY.id}`, {
      method: 'PUT',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ ...SURVEY, idle: { afterSeconds: 5, partial: 'submit' } }),
    });
    expect(response.status).toBe(200);
    // the terminal, idle at the first question, takes the edited survey at once
    const partial = () =>
      page.evaluate(() => {
        const kiosk = (globalThis as unknown as { document: { querySelector(selector: string): unknown } }).document.querySelector(
          'fb-kiosk',
        );
        return (kiosk as { survey?: { survey: { idle: { partial: string } } } }).survey?.survey.idle.partial;
      });
    await expect.poll(partial).toBe('submit');
    await walkAway();
    await expect.poll(stored).toBe(1);
  });

  it("greets each new customer in the terminal's language, with the question in that language; a customer may switch", async () => {
    const put = (path: string, body: unknown) =>
      fetch(`${t.gateway.httpUrl}/api/settings/${path}`, {
        method: 'PUT',
        headers: { ...admin.headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const labels = { en: 'Would you recommend us to a friend?', ru: 'Порекомендуете ли вы нас другу?', zh: '您会向朋友推荐我们吗？' };
    const localized = {
      ...SURVEY,
      idle: { afterSeconds: 5, partial: 'submit' },
      questions: SURVEY.questions.map((q) => (q.number === 1 ? { ...q, label: labels } : q)),
    };
    expect((await put(`surveys/${SURVEY.id}`, localized)).status).toBe(200);
    expect(
      (
        await put('devices/kiosk-1', {
          id: 'kiosk-1',
          pointId: POINT.id,
          buttons: 4,
          responseIntervalMs: 0,
          surveyId: SURVEY.id,
          language: 'ru',
        })
      ).status,
    ).toBe(200);
    await page.getByText(labels.ru).waitFor();
    await page.locator('header button[lang=zh]').click();
    await page.getByText(labels.zh).waitFor();
    // this customer walks away: the next one is greeted in Russian again
    await walkAway();
    await page.getByText(labels.ru).waitFor({ timeout: 15_000 });
  });
});
