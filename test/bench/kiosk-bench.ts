import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { POINT, startTestGateway } from '../helpers/test-gateway.ts';
import { launchChromium } from '../helpers/browser.ts';
import { scopedToken } from '../helpers/identities.ts';
import { percentile } from './mqtt-load.ts';

const SCALES = ['nps11', 'csat5', 'ces7', 'nps11', 'csat5', 'ces7'];
const SURVEY = {
  id: 'bench',
  name: 'Bench survey',
  questions: SCALES.map((scale, i) => ({ id: `q${i + 1}`, number: i + 1, scale, label: `Question ${i + 1}` })),
};
const RUNS = 5;
const OFFLINE_ANSWERS = 1000;

/** In the page: taps the first button of question n and resolves with the ms until the next screen's frame (or, with no tap, two frames: the floor). */
const TAP = `async ({ n, tap }) => {
  const kiosk = document.querySelector('fb-kiosk');
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const question = (k) => kiosk.shadowRoot.querySelector('fb-scale-question[data-question="' + k + '"]');
  const next = () => (n === ${SCALES.length} ? kiosk.shadowRoot.querySelector('[data-testid=thanks]') : question(n + 1)?.shadowRoot?.querySelector('button[data-value]'));
  const t0 = performance.now();
  if (tap) question(n).shadowRoot.querySelector('button[data-value]').click();
  await frame();
  while (tap && !next()) await frame();
  await frame();
  return performance.now() - t0;
}`;

async function tapTimes(page: Page): Promise<{ taps: number[]; floor: number[] }> {
  const taps: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (let n = 1; n <= SCALES.length; n++) {
      await page.locator(`fb-scale-question[data-question="${n}"] button[data-value]`).first().waitFor();
      floor.push(await page.evaluate(`(${TAP})(${JSON.stringify({ n, tap: false })})`));
      taps.push(await page.evaluate(`(${TAP})(${JSON.stringify({ n, tap: true })})`));
    }
    await page.locator('[data-testid=thanks]').waitFor({ state: 'detached', timeout: 15_000 });
  }
  return { taps, floor };
}

/**
 * The kiosk on Chromium: tap to next screen (the frame that shows the next question), against the
 * floor of two frames with no tap; and 1,000 answers queued while the gateway was unreachable,
 * flushed when it is back, against the same answers posted straight to the API.
 */
export async function kioskBench(log: (line: string) => void): Promise<Record<string, unknown>> {
  const t = await startTestGateway({
    surveys: [SURVEY],
    devices: [{ id: 'kiosk-1', pointId: POINT.id, buttons: 4, responseIntervalMs: 0, surveyId: SURVEY.id }],
  });
  const browser = await launchChromium();
  const db = new Database(join(t.dataDir, 'feedback.db'), { readonly: true });
  const storedOf = (boot: number) =>
    (db.prepare("SELECT COUNT(*) AS n FROM answers WHERE device_id = 'kiosk-1' AND boot = ?").get(boot) as { n: number }).n;
  try {
    const { token } = await scopedToken(t, await t.login(), { name: 'bench kiosk', kind: 'kiosk', deviceId: 'kiosk-1' });
    const page = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
    await page.goto(`${t.gateway.httpUrl}/kiosk/#token=${token}`);
    log(`tap to next screen: ${RUNS} surveys of ${SCALES.length} questions`);
    const { taps, floor } = await tapTimes(page);
    const round = (x: number) => Math.round(x * 10) / 10;

    log(`offline queue: ${OFFLINE_ANSWERS} answers kept while the gateway is unreachable, then flushed`);
    await page.route('**/api/kiosk/answers', (route) => route.abort('connectionrefused'));
    const queued = await page.evaluate(`(async (count) => {
      const kiosk = document.querySelector('fb-kiosk');
      const now = Date.now();
      for (let i = 0; i < count / 2; i++) {
        const seq = 2 * i + 1;
        await kiosk.queue.add(900, now - 60000, [
          { seq, question: 1, value: 9, uptimeMs: 1000 + i, readMs: 2000, run: seq },
          { seq: seq + 1, question: 2, value: 4, uptimeMs: 1001 + i, readMs: 2000, run: seq },
        ]);
      }
      return kiosk.queue.state.waiting;
    })(${OFFLINE_ANSWERS})`);
    if (queued !== OFFLINE_ANSWERS) throw new Error(`the queue holds ${String(queued)} answers, not ${OFFLINE_ANSWERS}`);
    await page.unroute('**/api/kiosk/answers');
    const flushStart = performance.now();
    await page.evaluate(`document.querySelector('fb-kiosk').queue.flush()`);
    while (storedOf(900) < OFFLINE_ANSWERS) await new Promise((r) => setTimeout(r, 20));
    const flushMs = performance.now() - flushStart;

    // baseline: the same batches posted one after another straight to the API from here
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const directStart = performance.now();
    for (let i = 0; i < OFFLINE_ANSWERS / 2; i++) {
      const seq = 2 * i + 1;
      const response = await fetch(`${t.gateway.httpUrl}/api/kiosk/answers`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          boot: 901,
          answers: [
            { seq, question: 1, value: 9, uptimeMs: 1000 + i, readMs: 2000, run: seq },
            { seq: seq + 1, question: 2, value: 4, uptimeMs: 1001 + i, readMs: 2000, run: seq },
          ],
        }),
      });
      await response.text();
    }
    const directMs = performance.now() - directStart;
    if (storedOf(901) !== OFFLINE_ANSWERS) throw new Error(`direct posts stored ${storedOf(901)}`);
    return {
      tapToNextScreen: {
        samples: taps.length,
        p50Ms: round(percentile(taps, 50)),
        p95Ms: round(percentile(taps, 95)),
        maxMs: round(Math.max(...taps)),
        targetMs: 100,
        meetsTarget: Math.max(...taps) <= 100,
      },
      twoFramesWithoutTap: { p50Ms: round(percentile(floor, 50)), p95Ms: round(percentile(floor, 95)) },
      ratioToFloorP50: round(percentile(taps, 50) / percentile(floor, 50)),
      offlineFlush: {
        answers: OFFLINE_ANSWERS,
        surveys: OFFLINE_ANSWERS / 2,
        flushedInMs: Math.round(flushMs),
        targetMs: 10_000,
        meetsTarget: flushMs <= 10_000,
        directPostsMs: Math.round(directMs),
        ratioToDirectPosts: round(flushMs / directMs),
      },
    };
  } finally {
    db.close();
    await browser.close();
    await t.close();
  }
}
