/**
 * Takes the README's screenshots of every screen from a real gateway with sample data, in Debian's
 * Chromium: `npm run screenshots` (builds first). Writes dashboard/screenshots/*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { SimulatedButton } from '@feedback/firmware-protocol';
import { SITE, TEST_PASSWORD, startTestGateway } from '../helpers/test-gateway.ts';
import { launchChromium, submitSignIn } from '../helpers/browser.ts';
import { seedClosedLoop } from './closed-loop-sample.ts';

const OUT = fileURLToPath(new URL('../../dashboard/screenshots/', import.meta.url));
const POINTS = [
  { id: 'cash-desk', siteId: SITE.id, name: 'Cash desk' },
  { id: 'exit', siteId: SITE.id, name: 'Exit' },
];
const DEVICES = [
  { id: 'desk-1', pointId: 'cash-desk', buttons: 4, responseIntervalMs: 0, mqttPassword: 'desk-1-secret' },
  { id: 'desk-2', pointId: 'cash-desk', buttons: 4, responseIntervalMs: 0, mqttPassword: 'desk-2-secret' },
  { id: 'exit-1', pointId: 'exit', buttons: 4, responseIntervalMs: 0, mqttPassword: 'exit-1-secret' },
];

let boots = 0;

/** Presses as a device that has just started (a new boot each time, so nothing is a duplicate). */
async function press(brokerUrl: string, deviceId: string, plan: number[], health: { battery: number; rssi: number }): Promise<void> {
  const device = DEVICES.find((d) => d.id === deviceId)!;
  const button = new SimulatedButton({
    brokerUrl,
    siteId: SITE.id,
    deviceId,
    buttons: 4,
    password: device.mqttPassword,
    bootCounter: ++boots,
  });
  await button.connect();
  plan.forEach((b) => button.press(b));
  await button.drained();
  button.heartbeat(health);
  await button.close();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  process.stdout.write(`dashboard/screenshots/${name}.png\n`);
}

mkdirSync(OUT, { recursive: true });
const SURVEY = {
  id: 'exit',
  name: 'Exit survey',
  questions: [
    { id: 'recommend', number: 1, scale: 'nps11', label: 'How likely are you to recommend us to a friend?' },
    { id: 'satisfied', number: 2, scale: 'csat5', label: 'How satisfied are you with the service today?' },
    { id: 'mood', number: 3, scale: 'smiley5', label: 'How do you feel after your visit?' },
  ],
  followUp: {
    question: 1,
    positive: [
      { id: 'staff', label: 'Friendly staff' },
      { id: 'speed', label: 'Quick service' },
      { id: 'product:quality', label: 'Quality' },
    ],
    negative: [
      { id: 'service:waiting-time', label: 'Waiting time' },
      { id: 'service:staff', label: 'Staff' },
      { id: 'product:quality', label: 'Quality' },
      { id: 'operations:cleanliness', label: 'Cleanliness' },
    ],
  },
};
const t = await startTestGateway({
  points: POINTS,
  devices: [...DEVICES, { id: 'kiosk-1', pointId: 'exit', buttons: 4, responseIntervalMs: 0, surveyId: SURVEY.id }],
  surveys: [SURVEY],
  alerts: { defaults: true, rules: [], evaluateEveryMs: 1000 },
});
const browser = await launchChromium();
try {
  const spread = (counts: number[]) => counts.flatMap((n, b) => Array<number>(n).fill(b));
  await press(t.gateway.mqttUrl, 'desk-1', spread([4, 6, 30, 60]), { battery: 86, rssi: -61 });
  await press(t.gateway.mqttUrl, 'desk-2', spread([3, 5, 22, 41]), { battery: 34, rssi: -78 });
  await press(t.gateway.mqttUrl, 'exit-1', spread([14, 9, 4, 2]), { battery: 97, rssi: -55 });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${t.gateway.httpUrl}/dashboard/`);
  await shoot(page, 'sign-in');
  await submitSignIn(page, 'admin', TEST_PASSWORD);
  await page.locator('fb-alerts-panel li').first().waitFor({ timeout: 15_000 });
  await shoot(page, 'overview');
  await page.goto(`${t.gateway.httpUrl}/dashboard/trends?interval=minute`);
  await page
    .locator('fb-trend-chart canvas')
    .waitFor({ timeout: 5000 })
    .catch(async () => {
      await page.screenshot({ path: '/tmp/trends-fail.png', fullPage: true });
      throw new Error('no chart');
    });
  await shoot(page, 'trends');
  await page.goto(`${t.gateway.httpUrl}/dashboard/breakdowns?by=point`);
  await page.locator('fb-breakdowns tr[data-group]').first().waitFor();
  await shoot(page, 'breakdowns');
  await page.goto(`${t.gateway.httpUrl}/dashboard/breakdowns?by=hourOfWeek&period=7d`);
  await page.locator('fb-breakdowns [data-testid=heat-map]').waitFor();
  await shoot(page, 'heat-map');
  const session = await t.login();
  const created = await fetch(`${t.gateway.httpUrl}/api/tokens`, {
    method: 'POST',
    headers: { ...session.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'front desk TV', kind: 'screen', pointId: 'cash-desk' }),
  });
  const { token } = (await created.json()) as { token: string };
  const tv = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await tv.goto(`${t.gateway.httpUrl}/screen/front-desk#token=${token}`);
  await tv.locator('fb-staff-screen [data-testid=goal]').waitFor();
  await shoot(tv, 'staff-screen');
  await press(t.gateway.mqttUrl, 'desk-1', [3], { battery: 86, rssi: -61 });
  await tv.locator('fb-staff-screen [data-testid=thanks]').waitFor();
  await tv.waitForTimeout(400); // the thank-you at full size, past its fade-in
  await tv.screenshot({ path: join(OUT, 'staff-screen-thanks.png') });
  await tv.close();
  const kioskToken = (await (
    await fetch(`${t.gateway.httpUrl}/api/tokens`, {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'lobby kiosk', kind: 'kiosk', deviceId: 'kiosk-1' }),
    })
  ).json()) as { token: string };
  for (const [name, viewport] of [
    ['portrait', { width: 1080, height: 1920 }],
    ['landscape', { width: 1280, height: 800 }],
  ] as const) {
    const kiosk = await browser.newPage({ viewport });
    await kiosk.goto(`${t.gateway.httpUrl}/kiosk/#token=${kioskToken.token}`);
    await kiosk.locator('fb-scale-question[data-question="1"] button[data-value]').first().waitFor();
    await shoot(kiosk, `kiosk-${name}`);
    if (name === 'portrait') {
      await kiosk.locator('fb-scale-question[data-question="1"] button[data-value="3"]').click();
      await kiosk.locator('fb-follow-up button[data-choice="service:waiting-time"]').click();
      await shoot(kiosk, 'kiosk-why');
      await kiosk.locator('fb-follow-up button[data-next]').click();
      await kiosk.locator('fb-follow-up textarea[name=comment]').fill('Only one till was open at lunchtime');
      await kiosk.locator('fb-follow-up button[data-next]').click();
      await kiosk.locator('fb-follow-up input[name=contact]').waitFor();
      await shoot(kiosk, 'kiosk-callback');
      await kiosk.locator('fb-follow-up button[data-no-callback]').click();
      await kiosk.locator('fb-scale-question[data-question="2"] button[data-value]').first().waitFor();
      await kiosk.locator('fb-scale-question[data-question="2"] button[data-value="4"]').click();
      await kiosk.locator('fb-scale-question[data-question="3"] fb-smiley-scale').waitFor();
      await shoot(kiosk, 'kiosk-smiley');
    }
    await kiosk.close();
  }
  const once = (await (
    await fetch(`${t.gateway.httpUrl}/api/points/exit/survey-codes`, {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'once' }),
    })
  ).json()) as { path: string };
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.goto(`${t.gateway.httpUrl}${once.path}`);
  await phone.locator('fb-phone-survey fb-scale-question button[data-value]').first().waitFor();
  await shoot(phone, 'phone-survey');
  await phone.close();
  await seedClosedLoop(t.gateway.httpUrl, session, kioskToken.token, SITE.id, 'exit');
  await page.goto(`${t.gateway.httpUrl}/dashboard/cases`);
  await page.locator('fb-cases tr[data-case]').first().waitFor();
  await shoot(page, 'cases');
  await page.locator('fb-cases tr[data-case] a').last().click();
  await page.locator('fb-case-detail section[data-case]').waitFor();
  await shoot(page, 'case');
  await page.goto(`${t.gateway.httpUrl}/dashboard/reviews`);
  await page.locator('fb-reviews li[data-review]').first().waitFor();
  await page.locator('fb-reviews li[data-review] button[data-draft]').nth(1).click();
  await page.locator('fb-reviews textarea[name=reply]').waitFor();
  await shoot(page, 'reviews');
  await page.goto(`${t.gateway.httpUrl}/dashboard/reports?period=7d`);
  await page.locator('fb-reports tr[data-report]').first().waitFor();
  await page.locator('fb-assessment table[data-history]').waitFor();
  await shoot(page, 'reports');
  await page.goto(`${t.gateway.httpUrl}/dashboard/settings`);
  await page.locator('fb-settings tr[data-entry="exit"] button[data-edit]').click();
  await page.locator('fb-settings textarea[data-editor]').waitFor();
  await shoot(page, 'settings');
  await page.locator('fb-settings button[data-tab=transfer]').click();
  await page.locator('fb-settings-transfer [data-audit] tbody tr').first().waitFor();
  await shoot(page, 'settings-audit');
  await page.locator('fb-settings button[data-tab=users]').click();
  await page.locator('fb-users tr[data-user]').first().waitFor();
  await shoot(page, 'settings-users');
  for (const language of ['ru', 'zh']) {
    await page.goto(`${t.gateway.httpUrl}/dashboard/overview`);
    await page.locator('header select').selectOption(language);
    await page.locator('fb-alerts-panel li').first().waitFor();
    await shoot(page, `overview-${language}`);
  }
} finally {
  await browser.close();
  await t.close();
}
