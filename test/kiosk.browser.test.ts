import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { POINT, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { launchChromium } from './helpers/browser.ts';
import { exitSurvey } from './helpers/surveys.ts';
import { seriousAccessibilityFindings } from './helpers/axe.ts';
import type { SignedIn } from './helpers/sign-in.ts';

const SURVEY = exitSurvey({}, [{ id: 'easy', number: 3, scale: 'ces7', label: 'It was easy to get my issue handled.' }]);

let t: TestGateway;
let session: SignedIn;
let browser: Browser;
let context: BrowserContext;
let token: { token: string; info: { id: number } };

beforeAll(async () => {
  t = await startTestGateway({
    surveys: [SURVEY],
    devices: [{ id: 'kiosk-1', pointId: POINT.id, buttons: 4, responseIntervalMs: 0, surveyId: SURVEY.id }],
  });
  session = await t.login();
  const created = await fetch(`${t.gateway.httpUrl}/api/tokens`, {
    method: 'POST',
    headers: { ...session.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'lobby kiosk', kind: 'kiosk', deviceId: 'kiosk-1' }),
  });
  token = (await created.json()) as typeof token;
  browser = await launchChromium();
  context = await browser.newContext({ bypassCSP: true, viewport: { width: 1080, height: 1920 } });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await t?.close();
});

const stored = async () =>
  (
    await t.get<{
      answers: { deviceId: string; boot: number; seq: number; questionId: string | null; value: number | null; source: string }[];
    }>('/api/answers?limit=1000', session)
  ).answers.filter((a) => a.deviceId === 'kiosk-1');

const storedFull = async () =>
  (
    await t.get<{
      answers: { deviceId: string; questionId: string | null; value: number | null; occurredAt: number; receivedAt: number }[];
    }>('/api/answers?limit=1000', session)
  ).answers.filter((a) => a.deviceId === 'kiosk-1');

/** Answers the three questions: NPS, CSAT, and skips the CES. */
async function completeSurvey(page: Page, nps: number, csat: number): Promise<void> {
  await page.locator('fb-scale-question[data-question="1"] button[data-value]').first().waitFor();
  await page.locator(`fb-scale-question[data-question="1"] button[data-value="${nps}"]`).click();
  await page.locator(`fb-scale-question[data-question="2"] button[data-value="${csat}"]`).click();
  await page.locator('fb-scale-question[data-question="3"]').waitFor();
  await page.getByRole('button', { name: 'Skip this question' }).click();
  await page.locator('[data-testid=thanks]').waitFor();
  await page.locator('[data-testid=thanks]').waitFor({ state: 'detached', timeout: 10_000 });
}

describe('the kiosk', () => {
  let page: Page;

  it('pairs with its token once, then answers travel as the same normalised answers the buttons produce', async () => {
    page = await context.newPage();
    await page.goto(`${t.gateway.httpUrl}/kiosk/#token=${token.token}`);
    expect(page.url()).not.toContain(token.token);
    await completeSurvey(page, 9, 4);
    await expect.poll(async () => (await stored()).length).toBe(3);
    const answers = await stored();
    expect(answers.map((a) => [a.questionId, a.value]).sort()).toEqual([
      ['easy', null],
      ['recommend', 9],
      ['satisfied', 4],
    ]);
    expect(new Set(answers.map((a) => a.source))).toEqual(new Set(['kiosk']));
  });

  it('keeps answering with the gateway away, loses nothing to a reload, sends each answer once, and dates it when it was given', async () => {
    // a fresh start of the app (a new boot) that goes offline before it sends anything
    await page.close();
    page = await context.newPage();
    await page.goto(`${t.gateway.httpUrl}/kiosk/`);
    await page.locator('fb-scale-question[data-question="1"] button[data-value]').first().waitFor();
    await context.setOffline(true);
    const offlineFrom = Date.now();
    await completeSurvey(page, 10, 5);
    await completeSurvey(page, 3, 2);
    await completeSurvey(page, 7, 3);
    const offlineTo = Date.now();
    await expect.poll(() => page.locator('[data-testid=queue]').textContent()).toMatch(/9 answers waiting to be sent · offline/);
    await page.close();
    await context.setOffline(false);
    page = await context.newPage();
    await page.goto(`${t.gateway.httpUrl}/kiosk/`);
    await expect.poll(async () => (await stored()).length, { timeout: 10_000 }).toBe(12);
    const answers = await stored();
    expect(new Set(answers.map((a) => `${a.boot}:${a.seq}`)).size).toBe(12);
    expect(
      answers
        .filter((a) => a.questionId === 'recommend')
        .map((a) => a.value)
        .sort((a, b) => a! - b!),
    ).toEqual([3, 7, 9, 10]);
    // answered offline, sent seconds later by a new page (a new boot): dated when they were given
    const late = (await storedFull()).filter((a) => a.questionId === 'recommend' && [10, 3, 7].includes(a.value!));
    for (const a of late) {
      expect(a.occurredAt).toBeGreaterThanOrEqual(offlineFrom - 1000);
      expect(a.occurredAt).toBeLessThanOrEqual(offlineTo + 1000);
      expect(a.receivedAt - a.occurredAt).toBeGreaterThan(1000);
    }
    await expect.poll(() => page.locator('[data-testid=queue]').textContent()).toBe('');
  });

  it('goes on with the same run after a reload mid-survey: one boot, one run id, also when sent later from the offline queue', async () => {
    type Sent = { boot: number; answers: { seq: number; run?: number; question: number; value: number | null }[] };
    const sent: Sent[] = [];
    const record = (r: Request) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/kiosk/answers') sent.push(r.postDataJSON() as Sent);
    };
    page.on('request', record);
    const before = (await stored()).length;
    await page.locator('fb-scale-question[data-question="1"] button[data-value="8"]').click();
    await page.locator('fb-scale-question[data-question="2"]').waitFor();
    await page.reload();
    // the run goes on where it was: the second question, not the first
    await page.locator('fb-scale-question[data-question="2"] button[data-value]').first().waitFor();
    expect(await page.locator('fb-scale-question[data-question="1"]').count()).toBe(0);
    await context.setOffline(true);
    await page.locator('fb-scale-question[data-question="2"] button[data-value="1"]').click();
    await page.locator('fb-scale-question[data-question="3"]').waitFor();
    await page.getByRole('button', { name: 'Skip this question' }).click();
    await page.locator('[data-testid=thanks]').waitFor();
    await expect.poll(() => page.locator('[data-testid=queue]').textContent()).toMatch(/3 answers waiting to be sent/);
    await context.setOffline(false);
    await expect.poll(async () => (await stored()).length, { timeout: 10_000 }).toBe(before + 3);
    page.off('request', record);
    const run = sent
      .flatMap((b) => b.answers.map((a) => ({ ...a, boot: b.boot })))
      .filter((a) => a.value === 8 || a.value === 1 || (a.question === 3 && a.value === null));
    const first = run.find((a) => a.question === 1 && a.value === 8)!;
    expect(first).toBeDefined();
    // a request made while offline failed and the queue sent the batch again: each answer once here
    const ofRun = [...new Map(run.filter((a) => a.boot === first.boot && a.run === first.seq).map((a) => [a.seq, a])).values()];
    expect(ofRun.map((a) => [a.question, a.value])).toEqual([
      [1, 8],
      [2, 1],
      [3, null],
    ]);
    // the run's three answers are stored once each, in the boot the run began in
    const storedRun = (await stored()).filter((a) => a.boot === first.boot && ofRun.some((r) => r.seq === a.seq));
    expect(storedRun.map((a) => a.value).sort()).toEqual([1, 8, null].sort());
  });

  it('has no serious or critical accessibility finding on a question (axe-core)', async () => {
    await page.locator('fb-scale-question[data-question="1"]').waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
  });

  it('shows an edited survey on a running terminal without a reload', async () => {
    await page.locator('fb-scale-question[data-question="1"]').waitFor();
    const label = 'How likely are you to recommend us?';
    const edited = { ...SURVEY, questions: SURVEY.questions.map((q) => (q.number === 1 ? { ...q, label } : q)) };
    const response = await fetch(`${t.gateway.httpUrl}/api/settings/surveys/${SURVEY.id}`, {
      method: 'PUT',
      headers: { ...session.headers, 'content-type': 'application/json' },
      body: JSON.stringify(edited),
    });
    expect(response.status).toBe(200);
    await page.getByText(label).waitFor({ timeout: 5000 });
  });

  it('asks a revoked terminal for a pairing code, and one code (used once) pairs it again', async () => {
    const revoked = await fetch(`${t.gateway.httpUrl}/api/tokens/${token.info.id}`, { method: 'DELETE', headers: session.headers });
    expect(revoked.status).toBeLessThan(300);
    await page.reload();
    await page.locator('fb-pair input[name=code]').waitFor();
    await page.locator('fb-pair input[name=code]').fill('ZZZZ-ZZZZ');
    await page.locator('fb-pair button[type=submit]').click();
    await expect.poll(() => page.locator('fb-pair [role=alert]').textContent()).toMatch(/unknown, used or expired/);
    const issued = await fetch(`${t.gateway.httpUrl}/api/tokens/pairing-codes`, {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'kiosk', name: 'lobby kiosk again', deviceId: 'kiosk-1' }),
    });
    const { code } = (await issued.json()) as { code: string };
    await page.locator('fb-pair input[name=code]').fill(code.toLowerCase());
    await page.locator('fb-pair button[type=submit]').click();
    await page.locator('fb-scale-question[data-question="1"] button[data-value]').first().waitFor();
    const again = await fetch(`${t.gateway.httpUrl}/api/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(again.status).toBe(404);
  });
});
