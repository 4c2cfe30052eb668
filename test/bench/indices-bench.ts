import { tempDir } from '../helpers/temp-dir.ts';
import { closeDatabase, type Db } from '../../gateway/src/platform/store/database.ts';
import type { IndexQuery } from '../../gateway/src/modules/indices/index-service.ts';
import { indexServiceOn } from '../../gateway/src/modules/indices/index-service-on.ts';
import { POINTS, SITES, YEAR, addRota, feed, randomQueries, setup } from './two-year-data.ts';
import { percentile } from './mqtt-load.ts';
import { Where } from '../../gateway/src/platform/store/sql-where.ts';
import { rollupCostEndToEnd } from './ingest-bench.ts';

/** The same question answered by scanning raw answers: what the rollups save. */
function naiveScan(db: Db, q: IndexQuery, pointIds: string[]): number {
  const where = new Where()
    .add(`point_id IN (${pointIds.map(() => '?').join(',')})`, pointIds)
    .add('occurred_at >= ? AND occurred_at < ?', [q.from, q.to])
    .add("misuse = 0 AND value IS NOT NULL AND scale LIKE 'smiley%'")
    .add('device_id = ?', [q.deviceId], q.deviceId !== undefined)
    .add('staff_id = ?', [q.staffId], q.staffId !== undefined);
  const rows = db.prepare(`SELECT scale, value, COUNT(*) AS n FROM answers ${where} GROUP BY scale, value`).all(...where.params) as {
    n: number;
  }[];
  return rows.reduce((a, r) => a + r.n, 0);
}

export async function indicesBench(log: (line: string) => void, options: { answers?: number } = {}): Promise<Record<string, unknown>> {
  const total = options.answers ?? 10_000_000;
  const dir = tempDir('fb-bench-indices-');
  try {
    // 1. Rollup cost: the writer with and without rollups, same data, live and bulk arrival patterns.
    log('rollup cost: 300,000 answers through the writer, with and without rollups');
    const cost: Record<string, unknown> = {};
    for (const [pattern, at] of [
      ['live (answers arriving now, a batch within seconds)', (i: number) => Date.UTC(2026, 10, 23, 9) + i * 2],
      ['bulk (a batch spread over hours of history)', (i: number) => Date.UTC(2025, 0, 1) + i * 6_000],
    ] as const) {
      const without = setup(dir.path, `without-${cost.live ? 'bulk' : 'live'}.db`);
      const withR = setup(dir.path, `with-${cost.live ? 'bulk' : 'live'}.db`);
      const rateWithout = await feed(without.writer(true), 300_000, at, 7);
      const rateWith = await feed(withR.writer(false), 300_000, at, 7);
      closeDatabase(without.db);
      closeDatabase(withR.db);
      cost[cost.live ? 'bulk' : 'live'] = {
        pattern,
        answersPerSecondWithoutRollups: rateWithout,
        answersPerSecondWithRollups: rateWith,
        addedCostPercent: Math.round(100 * (rateWithout / rateWith - 1) * 10) / 10,
      };
    }

    log('rollup cost end to end: presses through MQTT into gateways with and without rollups');
    const endToEnd = await rollupCostEndToEnd(log);

    // 2. Ten million answers over two years across 50 points, through the writer with rollups.
    const end = Date.UTC(2026, 10, 1);
    const start = end - 2 * YEAR;
    log(
      `generating ${total.toLocaleString('en')} answers over two years across ${POINTS.length} points (${SITES.length} sites in 5 time zones)`,
    );
    const { db, topology, writer } = setup(dir.path, 'two-years.db');
    const shifts = addRota(db, start, end);
    const loadRate = await feed(writer(false), total, (i) => start + Math.floor((i / total) * 2 * YEAR), 11, log);
    const indices = indexServiceOn(db, topology, { minAnswers: 30, minFaces: 5, surveys: [] });

    // 3. Random queries: any index, filter and range, against a naive scan of raw answers. The first
    // pass meets a cold cache (these machines keep little of a 2 GB file in memory after the load);
    // the measured pass is a second, different set of queries, as a running gateway would see them.
    log('querying: 300 random indices over random filters and ranges (cold pass, then 300 others measured)');
    // one query at a time, each timed until its answer arrives
    const timeEach = async <T>(items: T[], run: (item: T) => unknown): Promise<number[]> => {
      const times: number[] = [];
      for (const item of items) {
        const t0 = performance.now();
        await run(item);
        times.push(performance.now() - t0);
      }
      return times;
    };
    const coldTimes = await timeEach(randomQueries(start, 300, 5), ({ q }) => indices.compute(q));
    const queries = randomQueries(start, 300, 6);
    const times = await timeEach(queries, ({ q }) => indices.compute(q));
    log('baseline: the same filters as a scan of raw answers (first 20 queries, twice; the second pass counts)');
    const scanned = queries.slice(0, 20);
    await timeEach(scanned, ({ q, pointIds }) => naiveScan(db, { ...q, index: 'happy' }, pointIds));
    const scanTimes = await timeEach(scanned, ({ q, pointIds }) => naiveScan(db, { ...q, index: 'happy' }, pointIds));
    for (const { q, pointIds } of scanned) {
      const viaScan = naiveScan(db, { ...q, index: 'happy' }, pointIds);
      const viaRollups = (await indices.compute({ ...q, index: 'happy' })).n;
      if (viaScan !== viaRollups) throw new Error(`rollups (${viaRollups}) and scan (${viaScan}) disagree for ${JSON.stringify(q)}`);
    }
    const rollupRows = db
      .prepare(
        'SELECT (SELECT COUNT(*) FROM rollup_minute) AS minute, (SELECT COUNT(*) FROM rollup_hour) AS hour, (SELECT COUNT(*) FROM rollup_day) AS day, (SELECT COUNT(*) FROM rollup_month) AS month, (SELECT COUNT(*) FROM rollup_point_day) AS pointDay, (SELECT COUNT(*) FROM rollup_point_month) AS pointMonth',
      )
      .get();
    closeDatabase(db);
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      data: { answers: total, points: POINTS.length, sites: SITES.length, shifts, years: 2, loadAnswersPerSecond: loadRate, rollupRows },
      queries: {
        count: times.length,
        p50Ms: round(percentile(times, 50)),
        p95Ms: round(percentile(times, 95)),
        maxMs: round(Math.max(...times)),
        targetP95Ms: 20,
        meetsTarget: percentile(times, 95) <= 20,
        coldFirstPass: {
          p50Ms: round(percentile(coldTimes, 50)),
          p95Ms: round(percentile(coldTimes, 95)),
          maxMs: round(Math.max(...coldTimes)),
        },
      },
      naiveScanBaseline: {
        count: scanTimes.length,
        p50Ms: round(percentile(scanTimes, 50)),
        p95Ms: round(percentile(scanTimes, 95)),
        speedupAtP50: round(percentile(scanTimes, 50) / percentile(times.slice(0, 20), 50)),
      },
      rollupCost: { endToEnd, writerOnly: cost, targetAddedPercent: 20 },
    };
  } finally {
    dir.remove();
  }
}
