import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { POINT, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { postJsonFrom } from './helpers/post-from.ts';
import { launchChromium } from './helpers/browser.ts';
import { exitSurvey } from './helpers/surveys.ts';
import { seriousAccessibilityFindings } from './helpers/axe.ts';
import { scopedToken } from './helpers/identities.ts';
import type { SignedIn } from './helpers/sign-in.ts';

const SURVEY = exitSurvey({
  followUp: {
    question: 1,
    negative: [{ id: 'service:waiting-time', label: 'Waiting time' }],
    positive: [{ id: 'staff', label: 'Friendly staff' }],
  },
});

interface StoredAnswer {
  deviceId: string;
  questionId: string;
  value: number | null;
  source: string;
}

let t: TestGateway;
let admin: SignedIn;
let browser: Browser;
let phone: BrowserContext;
let queueSystem: Record<string, string>;

const issue = async (kind: 'once' | 'standing', headers = queueSystem) => {
  const response = await fetch(`${t.gateway.httpUrl}/api/points/${POINT.id}/survey-codes`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ kind }),
  });
  return { status: response.status, body: (await response.json()) as { code: string; path: string; expiresAt: number | null } };
};
const submit = (code: string, body: unknown) =>
  fetch(`${t.gateway.httpUrl}/api/phone/${code}/answers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
/** A submission from a customer's own phone: one loopback address each. */
const submitFrom = (address: string, code: string, body: unknown) =>
  postJsonFrom(`${t.gateway.httpUrl}/api/phone/${code}/answers`, body, address);
const phoneAnswers = async () =>
  (await t.get<{ answers: StoredAnswer[] }>('/api/answers?limit=100', admin)).answers.filter((a) => a.source === 'phone');

beforeAll(async () => {
  t = await startTestGateway({ points: [{ ...POINT, surveyId: SURVEY.id }], surveys: [SURVEY], alerts: { defaults: false } });
  admin = await t.login();
  // The queue system holds an integration token that may record traffic: it issues one-time codes.
  queueSystem = {
    authorization: `Bearer ${(await scopedToken(t, admin, { name: 'queue system', kind: 'integration', scopes: ['traffic:write'] })).token}`,
  };
  browser = await launchChromium();
  phone = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
});
afterAll(async () => {
  await phone?.close();
  await browser?.close();
  await t?.close();
});

describe('the survey on a phone', () => {
  it('opens from a one-time code without an account, asks the follow-up, and stores the answers as phone answers', async () => {
    const { status, body } = await issue('once');
    expect(status).toBe(201);
    expect(body.path).toBe(`/s/${body.code}`);
    expect(body.expiresAt).toBeGreaterThan(Date.now());
    const page = await phone.newPage();
    await page.goto(`${t.gateway.httpUrl}${body.path}`);
    await page.locator('fb-phone-survey fb-scale-question[data-question="1"] button[data-value="3"]').click();
    await page.locator('fb-follow-up button[data-choice="service:waiting-time"]').click();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.locator('fb-follow-up button[data-next]').click();
    await page.locator('fb-follow-up textarea[name=comment]').fill('Forty minutes in the queue');
    await page.locator('fb-follow-up button[data-next]').click();
    await page.locator('fb-follow-up button[data-no-callback]').click();
    await page.locator('fb-phone-survey fb-scale-question[data-question="2"] button[data-value="2"]').click();
    await page.locator('fb-phone-survey [data-testid=thanks]').waitFor();

    await expect.poll(async () => (await phoneAnswers()).length).toBe(2);
    expect((await phoneAnswers()).map((a) => [a.deviceId, a.questionId, a.value]).sort()).toEqual([
      [`phone.${POINT.id}`, 'recommend', 3],
      [`phone.${POINT.id}`, 'satisfied', 2],
    ]);
    await expect
      .poll(async () => (await t.get<{ cases: { summary: string }[] }>('/api/cases', admin)).cases.map((c) => c.summary))
      .toEqual(['negative answer with a comment: nps11 3; reasons: service:waiting-time; “Forty minutes in the queue”']);

    // The same code again (a second phone, a resent link): refused, in the customer's words.
    await page.reload();
    await page.locator('fb-phone-survey [data-problem="phone.used"]').waitFor();
    expect((await submit(body.code, { answers: [{ question: 1, value: 10 }] })).status).toBe(410);
    expect((await phoneAnswers()).length).toBe(2);
    await page.close();
  });

  it("takes any number of answers by a point's standing code, and a new standing code retires the old one", async () => {
    const first = (await issue('standing', admin.headers)).body;
    expect(first.expiresAt).toBeNull();
    // customers with their own phones (one address each; one address is held to a couple of submissions)
    for (const value of [9, 10]) expect(await submitFrom(`127.0.1.${value}`, first.code, { answers: [{ question: 1, value }] })).toBe(200);
    const second = (await issue('standing', admin.headers)).body;
    expect(await submitFrom('127.0.1.8', first.code, { answers: [{ question: 1, value: 8 }] })).toBe(410);
    expect(await submitFrom('127.0.1.8', second.code, { answers: [{ question: 1, value: 8 }] })).toBe(200);
    // one phone stuffing the box is refused after a couple, and a new customer still gets in
    for (let i = 0; i < 2; i++) await submitFrom('127.0.2.66', second.code, { answers: [{ question: 1, value: 0 }] });
    expect(await submitFrom('127.0.2.66', second.code, { answers: [{ question: 1, value: 0 }] })).toBe(429);
    expect(await submitFrom('127.0.2.7', second.code, { answers: [{ question: 1, value: 7 }] })).toBe(200);
    expect(
      (await phoneAnswers())
        .filter((a) => a.questionId === 'recommend')
        .map((a) => a.value)
        .sort(),
    ).toEqual([0, 0, 10, 3, 7, 8, 9]);
  });

  it('refuses unknown codes, answers that do not fit, and issuing without the right', async () => {
    expect((await fetch(`${t.gateway.httpUrl}/api/phone/NOSUCHCODE23/survey`)).status).toBe(404);
    const code = (await issue('once')).body.code;
    expect((await submit(code, { answers: [{ question: 1, value: 11 }] })).status).toBe(400);
    expect((await submit(code, { answers: [{ question: 9, value: 1 }] })).status).toBe(400);
    // a refused submission does not use the code up
    expect((await submit(code, { answers: [{ question: 1, value: 7 }] })).status).toBe(200);
    const kiosk = { authorization: `Bearer ${(await scopedToken(t, admin, { name: 'tv', kind: 'screen', pointId: POINT.id })).token}` };
    expect((await issue('once', kiosk)).status).toBe(403);
  });
});
