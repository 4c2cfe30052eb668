import type { CDPSession, Page } from 'playwright-core';
import { SimulatedButton } from '@feedback/firmware-protocol';
import { launchChromium } from '../helpers/browser.ts';
import { scopedToken } from '../helpers/identities.ts';
import { DEVICES, POINT, SITE, startTestGateway } from '../helpers/test-gateway.ts';

interface Sample {
  minute: number;
  heapMb: number;
  nodes: number;
  listeners: number;
  /** the thank-you was on screen when sampled (presses never stop, so it always should be) */
  thanking: boolean;
}

/** The page's live JavaScript heap after a full garbage collection, its DOM nodes and listeners. */
async function sample(cdp: CDPSession, page: Page, minute: number): Promise<Sample> {
  const thanking = ((await page.evaluate(`document.querySelector('fb-staff-screen').thanks`)) as number) > 0;
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    minute,
    heapMb: Math.round((metric('JSHeapUsedSize') / 2 ** 20) * 100) / 100,
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    thanking,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The staff screen as a TV runs it: presses at 10 per second (four in five positive, so the
 * thank-you plays) for `minutes` (default 60); its heap after the first minute is the baseline,
 * and the heap at the end must stay within 10% of it.
 */
export async function screenHeapBench(log: (line: string) => void, options: { minutes?: number } = {}): Promise<Record<string, unknown>> {
  const minutes = options.minutes ?? 60;
  const t = await startTestGateway();
  const browser = await launchChromium();
  const device = DEVICES[0]!;
  const button = new SimulatedButton({
    brokerUrl: t.gateway.mqttUrl,
    siteId: SITE.id,
    deviceId: device.id,
    buttons: 4,
    password: device.mqttPassword,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const { token } = await scopedToken(t, await t.login(), { name: 'bench TV', kind: 'screen', pointId: POINT.id });
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${t.gateway.httpUrl}/screen/bench#token=${token}`);
    await page.locator('fb-staff-screen').waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await button.connect();
    let presses = 0;
    timer = setInterval(() => {
      button.press(presses % 5 === 4 ? 0 : 3);
      presses++;
    }, 100);
    const samples: Sample[] = [];
    const started = Date.now();
    for (let minute = 1; minute <= minutes; minute++) {
      await sleep(started + minute * 60_000 - Date.now());
      if (minute === 1 || minute === minutes || minute % 5 === 0) {
        samples.push(await sample(cdp, page, minute));
        log(`minute ${minute}: heap ${samples.at(-1)!.heapMb} MB, ${samples.at(-1)!.nodes} DOM nodes, ${presses} presses`);
      }
    }
    clearInterval(timer);
    await button.drained(60_000);
    // the load was real: every press stored, and the screen thanked for the positive ones
    const stored = (await t.get<{ result: { n: number } }>(`/api/indices/happy?pointId=${POINT.id}&from=0&to=${Date.now() + 60_000}`))
      .result.n;
    if (stored !== presses) throw new Error(`${presses} presses sent, ${stored} stored: the benchmark did not load the screen as meant`);
    const first = samples[0]!;
    const last = samples.at(-1)!;
    const ratio = Math.round((last.heapMb / first.heapMb) * 1000) / 1000;
    return {
      minutes,
      pressesPerSecond: 10,
      presses,
      stored,
      thankingAtEverySample: samples.every((x) => x.thanking),
      baselineAfterFirstMinute: first,
      atEnd: last,
      samples,
      heapRatioToFirstMinute: ratio,
      targetRatio: 1.1,
      withinTarget: ratio <= 1.1,
    };
  } finally {
    clearInterval(timer);
    await button.close().catch(() => undefined);
    await browser.close();
    await t.close();
  }
}
