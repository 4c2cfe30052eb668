import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startGateway, validateConfig, type Gateway } from '@feedback/gateway';
import { closeDatabase } from '../../gateway/src/platform/store/database.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { launchChromium } from '../helpers/browser.ts';
import { browserCookies, signIn } from '../helpers/sign-in.ts';
import { DEVICES, POINTS, SITES, YEAR, feed, setup } from './two-year-data.ts';
import { percentile } from './mqtt-load.ts';

const PASSWORD = 'bench password 1';
/** The data ends on 1 November 2026; the overview shows its last 30 days. */
const END = Date.UTC(2026, 10, 1);
const OVERVIEW = '/dashboard/overview?period=custom&fromDate=2026-10-02&toDate=2026-10-31';

/** Runs in the page before the app: when the first index tile, and then every one, holds its result (ms since navigation). */
const WATCH_TILES = `
  window.__tiles = {};
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__tiles.fcp = e.startTime; }).observe({ type: 'paint', buffered: true });
  const tick = () => {
    const overview = document.querySelector('fb-dashboard')?.shadowRoot?.querySelector('fb-overview');
    const tiles = [...(overview?.shadowRoot?.querySelectorAll('fb-index-tile') ?? [])];
    const filled = tiles.filter((t) => t.result !== undefined);
    if (filled.length > 0 && window.__tiles.first === undefined) window.__tiles.first = performance.now();
    if (tiles.length > 0 && filled.length === tiles.length) { window.__tiles.all = performance.now(); window.__tiles.count = tiles.length; return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

async function gatewayOn(dataDir: string): Promise<Gateway> {
  return startGateway(
    validateConfig({
      dataDir,
      http: { host: '127.0.0.1', port: 0 },
      mqtt: { embedded: { host: '127.0.0.1', port: 0 } },
      log: { level: 'silent' },
      demo: { mode: 'off' },
      auth: { initialAdminPassword: PASSWORD },
      sites: SITES,
      points: POINTS,
      devices: DEVICES,
    }),
  );
}

/** Opens the overview in a fresh browser context (a cold cache) `runs` times; the times of its paints. */
async function measureOverview(
  browser: Browser,
  gateway: Gateway,
  runs: number,
): Promise<{ fcpMs: number; firstTileMs: number; allTilesMs: number; tiles: number }[]> {
  const session = await signIn(gateway.httpUrl, 'admin', PASSWORD);
  const cookies = browserCookies(session, gateway.httpUrl);
  const results = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies(cookies);
    await context.addInitScript(WATCH_TILES);
    const page = await context.newPage();
    await page.goto(`${gateway.httpUrl}${OVERVIEW}`);
    await page.waitForFunction(() => (globalThis as unknown as { __tiles: { all?: number } }).__tiles.all !== undefined, undefined, {
      timeout: 60_000,
    });
    const tiles = await page.evaluate(
      () => (globalThis as unknown as { __tiles: { fcp: number; first: number; all: number; count: number } }).__tiles,
    );
    results.push({
      fcpMs: Math.round(tiles.fcp),
      firstTileMs: Math.round(tiles.first),
      allTilesMs: Math.round(tiles.all),
      tiles: tiles.count,
    });
    await context.close();
  }
  return results;
}

/**
 * The dashboard's first meaningful paint (the first index tile holding its figure) and every
 * overview tile filled, in Chromium with a cold cache, over a store of N answers (default ten
 * million over two years across 50 points); the baseline is the same page over an empty store.
 */
export async function dashboardBench(
  log: (line: string) => void,
  options: { answers?: number; runs?: number } = {},
): Promise<Record<string, unknown>> {
  const total = options.answers ?? 10_000_000;
  const runs = options.runs ?? 5;
  const dir = tempDir('fb-bench-dashboard-');
  const browser = await launchChromium();
  try {
    const empty = join(dir.path, 'empty');
    const full = join(dir.path, 'full');
    mkdirSync(empty);
    mkdirSync(full);
    log(`generating ${total.toLocaleString('en')} answers over two years across ${POINTS.length} points`);
    const { db, writer } = setup(full, 'feedback.db');
    const loadRate = await feed(writer(false), total, (i) => END - 2 * YEAR + Math.floor((i / total) * 2 * YEAR), 11, log);
    closeDatabase(db);

    const measured: Record<string, ReturnType<typeof summary>> = {};
    for (const [name, dataDir] of [
      ['emptyStore', empty],
      ['fullStore', full],
    ] as const) {
      log(`${name}: starting a gateway, then ${runs} cold loads of the overview`);
      const gateway = await gatewayOn(dataDir);
      try {
        measured[name] = summary(await measureOverview(browser, gateway, runs));
      } finally {
        await gateway.close();
      }
      log(`${name}: first tile p50 ${measured[name].firstTileMs.p50} ms, all tiles p50 ${measured[name].allTilesMs.p50} ms`);
    }
    const fullStore = measured.fullStore!;
    const emptyStore = measured.emptyStore!;
    return {
      data: { answers: total, points: POINTS.length, loadAnswersPerSecond: loadRate, runs, page: OVERVIEW },
      emptyStore,
      fullStore,
      ratioToEmptyStore: {
        firstTileP50: round(fullStore.firstTileMs.p50 / emptyStore.firstTileMs.p50),
        allTilesP50: round(fullStore.allTilesMs.p50 / emptyStore.allTilesMs.p50),
      },
      targets: {
        firstMeaningfulPaintMs: 1500,
        allTilesMs: 2000,
        meetsFirstPaint: fullStore.firstTileMs.max <= 1500,
        meetsAllTiles: fullStore.allTilesMs.max <= 2000,
      },
    };
  } finally {
    await browser.close();
    dir.remove();
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

function summary(rows: { fcpMs: number; firstTileMs: number; allTilesMs: number; tiles: number }[]) {
  const of = (key: 'fcpMs' | 'firstTileMs' | 'allTilesMs') => {
    const values = rows.map((r) => r[key]);
    return { p50: percentile(values, 50), max: Math.max(...values) };
  };
  return { tiles: rows[0]?.tiles ?? 0, fcpMs: of('fcpMs'), firstTileMs: of('firstTileMs'), allTilesMs: of('allTilesMs') };
}
