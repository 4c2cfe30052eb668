import { join } from 'node:path';
import { tempDir } from '../helpers/temp-dir.ts';
import { openDatabase, closeDatabase, type Db } from '../../gateway/src/store/database.ts';
import { TopologyRepo } from '../../gateway/src/store/topology-repo.ts';
import { AnswerWriter } from '../../gateway/src/store/answer-writer.ts';
import { IndexService, type IndexQuery } from '../../gateway/src/indices/index-service.ts';
import type { FeedbackEvent } from '../../gateway/src/ingest/feedback-event.ts';
import { percentile } from './mqtt-load.ts';
import { Where } from '../../gateway/src/store/sql-where.ts';
import { rollupCostEndToEnd } from './ingest-bench.ts';

const YEAR = 365 * 86_400_000;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'UTC'];
const SITES = ZONES.map((timeZone, i) => ({ id: `site-${i + 1}`, name: `Site ${i + 1}`, timeZone }));
const POINTS = Array.from({ length: 50 }, (_, i) => ({ id: `point-${i + 1}`, siteId: SITES[i % SITES.length]!.id, name: `Point ${i + 1}` }));
const DEVICES = POINTS.flatMap((p) => [1, 2].map((d) => ({ id: `${p.id}-dev-${d}`, pointId: p.id, kind: 'button' as const, buttons: 4 })));
/** Three staff per point, working whole-day shifts in turn, as a branch rota would have it. */
const STAFF_PER_POINT = 3;
const staffOf = (pointIndex: number, occurredAt: number) => `staff-${pointIndex * STAFF_PER_POINT + (Math.floor(occurredAt / 86_400_000) % STAFF_PER_POINT) + 1}`;

/** A small deterministic generator, so every run measures the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function setup(dir: string, name: string): { db: Db; writer: (withoutRollups: boolean) => AnswerWriter; topology: TopologyRepo } {
  const db = openDatabase(join(dir, name));
  const topology = new TopologyRepo(db);
  topology.sync(SITES, POINTS, DEVICES);
  return { db, topology, writer: (withoutRollups) => new AnswerWriter(db, { withoutRollups }) };
}

function answer(random: () => number, occurredAt: number, seq: number): FeedbackEvent {
  const deviceIndex = Math.floor(random() * DEVICES.length);
  const device = DEVICES[deviceIndex]!;
  const pointIndex = Math.floor(deviceIndex / 2);
  const point = POINTS[pointIndex]!;
  const survey = random() < 0.15;
  const r = random();
  return {
    deviceId: device.id,
    boot: 1,
    seq,
    siteId: point.siteId,
    pointId: point.id,
    staffId: staffOf(pointIndex, occurredAt),
    surveyId: survey ? 'exit' : null,
    questionId: survey ? 'recommend' : null,
    scale: survey ? 'nps11' : 'smiley4',
    value: survey ? Math.min(10, Math.floor(r * 11.5)) : r < 0.1 ? 0 : r < 0.2 ? 1 : r < 0.5 ? 2 : 3,
    occurredAt,
    receivedAt: occurredAt,
    misuse: random() < 0.02,
    source: 'mqtt',
  };
}

/** Feeds answers through the real writer in batches (one group commit each); returns answers/s. */
async function feed(writer: AnswerWriter, total: number, at: (i: number) => number, seed: number, log?: (line: string) => void): Promise<number> {
  const random = rng(seed);
  const started = performance.now();
  let lastLog = started;
  for (let i = 0; i < total; i += 5000) {
    const batch = [];
    for (let j = i; j < Math.min(total, i + 5000); j++) batch.push(writer.submit(answer(random, at(j), j + 1)));
    await Promise.all(batch);
    if (log && performance.now() - lastLog > 5000) {
      lastLog = performance.now();
      log(`  ${(i + 5000).toLocaleString('en')} / ${total.toLocaleString('en')} answers`);
    }
  }
  return Math.round(total / ((performance.now() - started) / 1000));
}

/** The same question answered by scanning raw answers: what the rollups save. */
function naiveScan(db: Db, q: IndexQuery, pointIds: string[]): number {
  const where = new Where()
    .add(`point_id IN (${pointIds.map(() => '?').join(',')})`, pointIds)
    .add('occurred_at >= ? AND occurred_at < ?', [q.from, q.to])
    .add("misuse = 0 AND value IS NOT NULL AND scale LIKE 'smiley%'")
    .add('device_id = ?', [q.deviceId], q.deviceId !== undefined)
    .add('staff_id = ?', [q.staffId], q.staffId !== undefined);
  const rows = db.prepare(`SELECT scale, value, COUNT(*) AS n FROM answers ${where} GROUP BY scale, value`).all(...where.params) as { n: number }[];
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
        addedCostPercent: Math.round((100 * (rateWithout / rateWith - 1)) * 10) / 10,
      };
    }

    log('rollup cost end to end: presses through MQTT into gateways with and without rollups');
    const endToEnd = await rollupCostEndToEnd(log);

    // 2. Ten million answers over two years across 50 points, through the writer with rollups.
    const end = Date.UTC(2026, 10, 1);
    const start = end - 2 * YEAR;
    log(`generating ${total.toLocaleString('en')} answers over two years across ${POINTS.length} points (${SITES.length} sites in 5 time zones)`);
    const { db, topology, writer } = setup(dir.path, 'two-years.db');
    const loadRate = await feed(writer(false), total, (i) => start + Math.floor((i / total) * 2 * YEAR), 11, log);
    const indices = new IndexService(db, topology, { minAnswers: 30, minFaces: 5, surveys: [] });

    // 3. Random queries: any index, filter and range, against a naive scan of raw answers.
    log('querying: 300 random indices over random filters and ranges');
    const random = rng(5);
    const indexNames = ['happy', 'positiveShare', 'nps', 'responseRate'] as const;
    const queries: { q: IndexQuery; pointIds: string[] }[] = [];
    for (let i = 0; i < 300; i++) {
      const length = Math.exp(Math.log(3_600_000) + random() * (Math.log(2 * YEAR) - Math.log(3_600_000)));
      // Ranges to the minute, the rollups' grain (the API takes bounds to the minute too).
      const from = Math.floor((start + random() * (2 * YEAR - length)) / 60_000) * 60_000;
      const which = Math.floor(random() * 5);
      const point = POINTS[Math.floor(random() * POINTS.length)]!;
      const site = SITES[Math.floor(random() * SITES.length)]!;
      const q: IndexQuery = { index: indexNames[Math.floor(random() * indexNames.length)]!, from, to: from + Math.ceil(length / 60_000) * 60_000 };
      let pointIds = POINTS.map((p) => p.id);
      if (which === 1) {
        q.siteId = site.id;
        pointIds = POINTS.filter((p) => p.siteId === site.id).map((p) => p.id);
      } else if (which === 2 || which === 3) {
        q.pointId = point.id;
        pointIds = [point.id];
        if (which === 3) q.deviceId = `${point.id}-dev-1`;
      } else if (which === 4) {
        q.staffId = staffOf(Math.floor(random() * POINTS.length), from);
      }
      queries.push({ q, pointIds });
    }
    const times: number[] = [];
    for (const { q } of queries) {
      const t0 = performance.now();
      indices.compute(q);
      times.push(performance.now() - t0);
    }
    log('baseline: the same filters as a scan of raw answers (first 20 queries)');
    const scanTimes: number[] = [];
    for (const { q, pointIds } of queries.slice(0, 20)) {
      const t0 = performance.now();
      const scanned = naiveScan(db, { ...q, index: 'happy' }, pointIds);
      scanTimes.push(performance.now() - t0);
      const viaRollups = indices.compute({ ...q, index: 'happy' }).n;
      if (scanned !== viaRollups) throw new Error(`rollups (${viaRollups}) and scan (${scanned}) disagree for ${JSON.stringify(q)}`);
    }
    const rollupRows = db.prepare('SELECT (SELECT COUNT(*) FROM rollup_minute) AS minute, (SELECT COUNT(*) FROM rollup_hour) AS hour, (SELECT COUNT(*) FROM rollup_day) AS day, (SELECT COUNT(*) FROM rollup_month) AS month').get();
    closeDatabase(db);
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      data: { answers: total, points: POINTS.length, sites: SITES.length, years: 2, loadAnswersPerSecond: loadRate, rollupRows },
      queries: {
        count: times.length,
        p50Ms: round(percentile(times, 50)),
        p95Ms: round(percentile(times, 95)),
        maxMs: round(Math.max(...times)),
        targetP95Ms: 20,
        meetsTarget: percentile(times, 95) <= 20,
      },
      naiveScanBaseline: { count: scanTimes.length, p50Ms: round(percentile(scanTimes, 50)), p95Ms: round(percentile(scanTimes, 95)), speedupAtP50: round(percentile(scanTimes, 50) / percentile(times.slice(0, 20), 50)) },
      rollupCost: { endToEnd, writerOnly: cost, targetAddedPercent: 20 },
    };
  } finally {
    dir.remove();
  }
}
