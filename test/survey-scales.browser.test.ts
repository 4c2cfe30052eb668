import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { POINT, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { launchChromium } from './helpers/browser.ts';
import { seriousAccessibilityFindings } from './helpers/axe.ts';
import { scopedToken } from './helpers/identities.ts';
import type { SignedIn } from './helpers/sign-in.ts';

/**
 * One question of every kind of scale a customer meets: faces, 1–5, 0–10 and 1–7; the 1–5 twice in
 * a row, so that a tap's finger rests on the same option of the next question (where a touch
 * screen's stuck :hover made it look chosen).
 */
const QUESTIONS = [
  { id: 'mood', number: 1, scale: 'smiley5', label: 'How was your visit today?', options: 5 },
  { id: 'satisfied', number: 2, scale: 'csat5', label: 'How satisfied are you with the service?', options: 5 },
  { id: 'staff', number: 3, scale: 'csat5', label: 'How satisfied are you with our staff?', options: 5 },
  { id: 'recommend', number: 4, scale: 'nps11', label: 'Would you recommend us to a friend?', options: 11 },
  { id: 'easy', number: 5, scale: 'ces7', label: 'It was easy to get my issue handled.', options: 7 },
];
const SURVEY = { id: 'scales', name: 'Every scale', questions: QUESTIONS.map(({ options: _, ...q }) => q) };
/** Where the screenshots go when asked for (SCALE_SCREENSHOTS=/tmp): for a person to look at. */
const SHOTS = process.env.SCALE_SCREENSHOTS;

let t: TestGateway;
let admin: SignedIn;
let browser: Browser;
let kioskToken: string;
let queueSystem: Record<string, string>;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Measured {
  innerWidth: number;
  scrollWidth: number;
  options: Box[];
  low: Box | null;
  high: Box | null;
  /** each option's look (border, outline, background), which must be the same for all on a fresh question */
  looks: string[];
  pressed: string[];
  focusVisible: boolean;
}

/**
 * The page's width and the scale's options and end labels as laid out, through the shadow roots
 * (a script as text: the tests are compiled without the DOM's types).
 */
function measure(page: Page, question: number): Promise<Measured> {
  return page.evaluate<Measured>(`(() => {
    const box = (e) => {
      if (!e) return null;
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const host = (document.querySelector('fb-phone-survey') ?? document.querySelector('fb-kiosk')).shadowRoot;
    const q = host.querySelector('fb-scale-question[data-question="${question}"]').shadowRoot;
    const smiley = q.querySelector('fb-smiley-scale')?.shadowRoot;
    const buttons = [...(smiley ?? q).querySelectorAll('button[data-value]')];
    return {
      innerWidth: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      options: buttons.map((b) => box(b)),
      low: box(q.querySelector('[data-end=low]')),
      high: box(q.querySelector('[data-end=high]')),
      looks: buttons.map((b) => {
        const s = getComputedStyle(b);
        return [s.borderTopColor, s.outlineStyle, s.backgroundColor, s.boxShadow].join(' ');
      }),
      pressed: buttons.map((b) => b.getAttribute('aria-pressed') ?? 'missing'),
      focusVisible: buttons.some((b) => b.matches(':focus-visible')),
    };
  })()`);
}

/** The rows the options lie in, top to bottom, as the values in each (by the options' tops). */
function rows(options: Box[]): number[][] {
  const tops = [...new Set(options.map((o) => Math.round(o.y)))].sort((a, b) => a - b);
  return tops.map((top) => options.flatMap((o, i) => (Math.round(o.y) === top ? [i] : [])));
}

/** What every screen must hold for the question on it; `minTarget` the least an option may measure each way. */
function expectFits(m: Measured, options: number, minTarget: number): void {
  expect(m.scrollWidth).toBeLessThanOrEqual(m.innerWidth);
  expect(m.options).toHaveLength(options);
  for (const o of m.options) {
    expect(o.width).toBeGreaterThanOrEqual(minTarget);
    expect(o.height).toBeGreaterThanOrEqual(minTarget);
    expect(o.x).toBeGreaterThanOrEqual(0);
    expect(o.x + o.width).toBeLessThanOrEqual(m.innerWidth);
  }
  if (m.low && m.high) {
    // the end labels start at the first option and end at the last one (not at the screen's edges)
    const first = m.options[0]!;
    const last = m.options.at(-1)!;
    expect(Math.abs(m.low.x - first.x)).toBeLessThanOrEqual(4);
    expect(Math.abs(m.high.x + m.high.width - (last.x + last.width))).toBeLessThanOrEqual(4);
  }
}

/** The options of a question no one has touched yet all look the same, and none is pressed or focused. */
function expectUntouched(m: Measured): void {
  expect(new Set(m.looks).size).toBe(1);
  expect(m.pressed.every((p) => p === 'false')).toBe(true);
  expect(m.focusVisible).toBe(false);
}

beforeAll(async () => {
  t = await startTestGateway({
    points: [{ ...POINT, surveyId: SURVEY.id }],
    surveys: [SURVEY],
    devices: [{ id: 'kiosk-1', pointId: POINT.id, buttons: 4, responseIntervalMs: 0, surveyId: SURVEY.id }],
    alerts: { defaults: false },
  });
  admin = await t.login();
  kioskToken = (await scopedToken(t, admin, { name: 'kiosk', kind: 'kiosk', deviceId: 'kiosk-1' })).token;
  queueSystem = {
    authorization: `Bearer ${(await scopedToken(t, admin, { name: 'queue system', kind: 'integration', scopes: ['traffic:write'] })).token}`,
  };
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function phoneCode(): Promise<string> {
  const response = await fetch(`${t.gateway.httpUrl}/api/points/${POINT.id}/survey-codes`, {
    method: 'POST',
    headers: { ...queueSystem, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'once' }),
  });
  return ((await response.json()) as { path: string }).path;
}

describe('the survey scales on a phone held in the hand', () => {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 360, height: 740 },
  ]) {
    it(`fit ${viewport.width} px without sideways scrolling, each option a thumb wide, and a tap leaves the next question untouched`, async () => {
      const context = await browser.newContext({ viewport, isMobile: true, hasTouch: true });
      try {
        const page = await context.newPage();
        await page.goto(`${t.gateway.httpUrl}${await phoneCode()}`);
        // a phone does not hover: the hover styles must not apply here
        expect(await page.evaluate<boolean>(`matchMedia('(hover: hover) and (pointer: fine)').matches`)).toBe(false);
        for (const question of QUESTIONS) {
          await page.locator(`fb-scale-question[data-question="${question.number}"] button[data-value]`).first().waitFor();
          const m = await measure(page, question.number);
          // 44 px (WCAG 2.5.5) fits every scale at these widths: NPS by going to two rows
          expectFits(m, question.options, 44);
          expectUntouched(m);
          const r = rows(m.options);
          if (question.scale === 'nps11')
            expect(r).toEqual([
              [0, 1, 2, 3, 4, 5],
              [6, 7, 8, 9, 10],
            ]);
          else expect(r).toHaveLength(1);
          if (SHOTS)
            await page.screenshot({ path: `${SHOTS}/phone-${viewport.width}-${question.number}-${question.scale}.png`, fullPage: true });
          if (question.number === 1) expect(await seriousAccessibilityFindings(page)).toEqual([]);
          // the same position on each question: the bug was the tapped one looking chosen on the next
          await page
            .locator(`fb-scale-question[data-question="${question.number}"] button[data-value="${question.scale === 'nps11' ? 3 : 2}"]`)
            .tap();
        }
        await page.locator('fb-phone-survey [data-testid=thanks]').waitFor();
      } finally {
        await context.close();
      }
    });
  }

  for (const lang of ['ru', 'zh']) {
    it(`fits 360 px in ${lang} too, whose end labels are longer or of other letters`, async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
      try {
        const page = await context.newPage();
        await page.goto(`${t.gateway.httpUrl}${await phoneCode()}?lang=${lang}`);
        for (const question of QUESTIONS) {
          await page.locator(`fb-scale-question[data-question="${question.number}"] button[data-value]`).first().waitFor();
          expectFits(await measure(page, question.number), question.options, 44);
          if (SHOTS) await page.screenshot({ path: `${SHOTS}/phone-360-${lang}-${question.number}-${question.scale}.png` });
          await page.locator(`fb-scale-question[data-question="${question.number}"] button[data-value]`).first().tap();
        }
      } finally {
        await context.close();
      }
    });
  }

  it('fits a 320 px phone too, with every option at least 24 px (WCAG 2.2 target size)', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(`${t.gateway.httpUrl}${await phoneCode()}`);
      for (const question of QUESTIONS) {
        await page.locator(`fb-scale-question[data-question="${question.number}"] button[data-value]`).first().waitFor();
        expectFits(await measure(page, question.number), question.options, 24);
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/phone-320-${question.number}-${question.scale}.png` });
        await page.locator(`fb-scale-question[data-question="${question.number}"] button[data-value]`).first().tap();
      }
    } finally {
      await context.close();
    }
  });
});

describe('the survey scales on a kiosk in portrait', () => {
  for (const viewport of [
    { width: 1080, height: 1920 },
    { width: 800, height: 1280 },
  ]) {
    it(`keep every scale in one row at ${viewport.width}×${viewport.height}, its end labels at its ends, and staff reach the pulse only by holding`, async () => {
      const context = await browser.newContext({ viewport, hasTouch: true });
      try {
        const page = await context.newPage();
        const requested: string[] = [];
        page.on('request', (r) => requested.push(r.url()));
        await page.goto(`${t.gateway.httpUrl}/kiosk/#token=${kioskToken}`);
        // nobody answering: the staff button is there, for staff (holding it, in the pulse test)
        await page.locator('button[data-pulse]').waitFor();
        await page.locator('button[data-pulse]').tap();
        expect(await page.locator('[data-pulse-step]').count()).toBe(0);
        for (const question of QUESTIONS) {
          await page.locator(`fb-scale-question[data-question="${question.number}"] button[data-value]`).first().waitFor();
          const m = await measure(page, question.number);
          // 64 px on a kiosk (the target for a standing customer)
          expectFits(m, question.options, 64);
          expectUntouched(m);
          expect(rows(m.options)).toHaveLength(1);
          if (SHOTS) await page.screenshot({ path: `${SHOTS}/kiosk-${viewport.width}-${question.number}-${question.scale}.png` });
          if (question.scale === 'nps11') expect(await seriousAccessibilityFindings(page)).toEqual([]);
          await page.locator(`fb-scale-question[data-question="${question.number}"] button[data-value]`).nth(2).tap();
          // a customer in the middle of the survey sees no staff button
          if (question.number < QUESTIONS.length) expect(await page.locator('button[data-pulse]').count()).toBe(0);
        }
        await page.locator('[data-testid=thanks]').waitFor();
        // no request or address carries a parameter without a value (channel=undefined and the like)
        expect(requested.filter((u) => /=(undefined|null)(&|$)/.test(u))).toEqual([]);
        expect(page.url()).not.toMatch(/undefined/);
      } finally {
        await context.close();
      }
    });
  }
});
