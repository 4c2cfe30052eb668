import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { POINT, SITE, TEST_PASSWORD, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { launchChromium, signedInContext } from './helpers/browser.ts';
import { seriousAccessibilityFindings } from './helpers/axe.ts';
import { scopedToken, userSession, PASSWORD } from './helpers/identities.ts';
import { seedClosedLoop } from './screenshots/closed-loop-sample.ts';

const SURVEY = {
  id: 'exit',
  name: 'Exit survey',
  questions: [{ id: 'recommend', number: 1, scale: 'nps11', label: 'Would you recommend us?' }],
};

let t: TestGateway;
let browser: Browser;
let admin: BrowserContext;

/** A signed-in context for the user, its first page closed (each test opens its own). */
async function contextOf(username: string, password: string): Promise<BrowserContext> {
  const { context, page } = await signedInContext(browser, t.gateway.httpUrl, username, password);
  await page.close();
  return context;
}

const NORTH = { id: 'north', name: 'North branch', timeZone: 'Europe/Berlin' };
const NORTH_DESK = { id: 'north-desk', siteId: NORTH.id, name: 'North desk' };

beforeAll(async () => {
  t = await startTestGateway({
    sites: [SITE, NORTH],
    points: [POINT, NORTH_DESK],
    surveys: [SURVEY],
    devices: [{ id: 'kiosk-1', pointId: POINT.id, buttons: 4, responseIntervalMs: 0, surveyId: SURVEY.id }],
    alerts: { defaults: false },
  });
  const session = await t.login();
  await seedClosedLoop(
    t.gateway.httpUrl,
    session,
    (await scopedToken(t, session, { name: 'kiosk', kind: 'kiosk', deviceId: 'kiosk-1' })).token,
    SITE.id,
    POINT.id,
  );
  await userSession(t, session, { username: 'reader', role: 'viewer', sites: [SITE.id] });
  browser = await launchChromium();
  admin = await contextOf('admin', TEST_PASSWORD);
});
afterAll(async () => {
  await admin?.close();
  await browser?.close();
  await t?.close();
});

const open = async (context: BrowserContext, path: string, ready: string): Promise<Page> => {
  const page = await context.newPage();
  await page.goto(`${t.gateway.httpUrl}/dashboard/${path}`);
  await page.locator(ready).first().waitFor();
  return page;
};

describe('closing the loop in the dashboard', () => {
  it('moves a case on, and closes it only with a root cause; the list follows live', async () => {
    const list = await open(admin, 'cases', 'fb-cases tr[data-case]');
    const page = await open(admin, 'cases', 'fb-cases tr[data-case]');
    const first = page.locator('fb-cases tr[data-case]').last();
    const id = await first.getAttribute('data-case');
    await first.locator('a').click();
    const detail = page.locator(`fb-case-detail section[data-case="${id}"]`);
    await expect.poll(() => detail.getAttribute('data-status')).toBe('new');
    for (const to of ['acknowledged', 'in_progress', 'resolved']) {
      await page.locator(`fb-case-detail button[data-move=${to}]`).click();
      await expect.poll(() => detail.getAttribute('data-status')).toBe(to);
    }
    const rootCause = page.locator('fb-case-detail form[data-form=close] textarea[name=rootCause]');
    expect(await rootCause.evaluate((el) => (el as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing)).toBe(true);
    await rootCause.fill('one till open at lunchtime');
    // "No" asks why the case closes unconfirmed; the form does not send without it.
    const close = page.locator('fb-case-detail form[data-form=close]');
    await close.locator('input[name=confirmed][value=no]').check();
    const reason = close.locator('textarea[name=reason]');
    await expect.poll(() => reason.isVisible()).toBe(true);
    await close.locator('button[type=submit]').click();
    expect(await reason.evaluate((el) => (el as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing)).toBe(true);
    expect(await detail.getAttribute('data-status')).toBe('resolved');
    await close.locator('input[name=confirmed][value=unreachable]').check();
    await expect.poll(() => reason.isVisible()).toBe(false);
    await close.locator('button[type=submit]').click();
    await expect.poll(() => detail.getAttribute('data-status')).toBe('closed');
    await expect.poll(() => detail.textContent()).toContain('the customer could not be reached');
    await expect.poll(() => page.locator('fb-case-detail ol.history li').count()).toBe(5);
    // The other tab's list changed by itself (socket.io), without a reload.
    await expect.poll(() => list.locator(`fb-cases tr[data-case="${id}"] td:nth-child(6)`).textContent()).toBe('closed');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.close();
    await list.close();
  });

  it('drafts a reply in the tone of the review and records it as sent', async () => {
    const page = await open(admin, `reviews?siteId=${SITE.id}`, 'fb-reviews li[data-review]');
    const ivan = page.locator('fb-reviews li[data-review]', { hasText: 'Ivan' });
    await ivan.locator('button[data-draft]').click();
    const reply = ivan.locator('textarea[name=reply]');
    await expect.poll(() => reply.inputValue()).toMatch(/^Dear Ivan,[\s\S]*sorry about “Slow queue at lunchtime”/);
    await ivan.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('fb-reviews li[data-review]', { hasText: 'Ivan' }).getAttribute('data-status')).toBe('answered');
    await page.locator('fb-reviews button[data-check]').click();
    await expect.poll(() => page.locator('fb-reviews button[data-check]').isDisabled()).toBe(true);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.close();
  });

  it('makes a report for the filtered period and links its files; the self-assessment shows the evidence', async () => {
    const page = await open(admin, `reports?period=7d&siteId=${SITE.id}`, 'fb-reports tr[data-report]');
    const before = await page.locator('fb-reports tr[data-report]').count();
    await page.locator('fb-reports button[data-make]').click();
    await expect.poll(() => page.locator('fb-reports tr[data-report]').count()).toBe(before + 1);
    const pdf = await page.locator('fb-reports tr[data-report] a', { hasText: 'PDF' }).first().getAttribute('href');
    const response = await page.request.get(`${t.gateway.httpUrl}${pdf}`);
    expect(response.headers()['content-type']).toBe('application/pdf');
    await expect
      .poll(() => page.locator('fb-assessment [data-item="metrics.nps"] .evidence').textContent())
      .toMatch(/NPS -?\d+ from 3 answers/);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.close();
  });

  it('lists every site under "All sites", with site names, and asks for a site before acting on one', async () => {
    const session = await t.login();
    const imported = await fetch(`${t.gateway.httpUrl}/api/reviews/import?siteId=${NORTH.id}`, {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'application/json' },
      body: JSON.stringify([
        { platform: 'maps', id: 'north-1', date: '2026-12-01T10:00:00Z', author: 'Olga', rating: 2, text: 'Cold hall' },
      ]),
    });
    expect(imported.status).toBe(200);
    const page = await open(admin, 'reviews', 'fb-reviews li[data-review]');
    // both sites' reviews, each saying whose it is, by name
    await expect.poll(() => page.locator('fb-reviews li[data-review]', { hasText: 'Olga' }).count()).toBe(1);
    expect(await page.locator('fb-reviews li[data-review]', { hasText: 'Olga' }).locator('[data-site]').textContent()).toBe('North branch');
    expect(await page.locator('fb-reviews li[data-review]', { hasText: 'Ivan' }).locator('[data-site]').textContent()).toBe(SITE.name);
    // today's check and an import belong to one site: the screen asks for it instead of picking the first
    expect(await page.locator('fb-reviews button[data-check]').count()).toBe(0);
    await page.locator('fb-reviews [data-choose-site]').waitFor();
    // the filter offers the sites by name
    expect(await page.locator('fb-filter-bar select[name=siteId] option').allTextContents()).toEqual(
      expect.arrayContaining(['North branch', SITE.name]),
    );
    await page.goto(`${t.gateway.httpUrl}/dashboard/reports`);
    await page.locator('fb-reports [data-choose-site]').waitFor();
    expect(await page.locator('fb-reports button[data-make]').count()).toBe(0);
    expect(await page.locator('fb-assessment').count()).toBe(0);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.close();
  });

  it('lets a viewer read cases without acting or seeing the contact, in the language chosen', async () => {
    const viewer = await contextOf('reader', PASSWORD);
    const page = await open(viewer, 'cases', 'fb-cases tr[data-case]');
    expect(await page.locator('fb-cases details').count()).toBe(0);
    const withContact = page.locator('fb-cases tr[data-case]', { hasText: 'service' }).last();
    await withContact.locator('a').click();
    await page.locator('fb-case-detail section[data-case]').waitFor();
    expect(await page.locator('fb-case-detail button[data-move]').count()).toBe(0);
    expect(await page.locator('fb-case-detail').textContent()).not.toContain('1234567');
    await page.locator('header select').selectOption('ru');
    await expect.poll(() => page.locator('fb-dashboard nav').textContent()).toContain('Обращения');
    expect(await page.locator('fb-case-detail h3').first().textContent()).toBe('Сроки');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await viewer.close();
  });
});
