import { join } from 'node:path';
import { openDatabase, type Db } from '../../gateway/src/platform/store/database.ts';
import { TopologyRepo } from '../../gateway/src/platform/settings/topology-repo.ts';
import { AnswerWriter } from '../../gateway/src/modules/ingest/answer-writer.ts';
import type { Answer } from '../../gateway/src/core/answer.ts';
import type { IndexQuery } from '../../gateway/src/modules/indices/index-service.ts';

/** The indices benchmark's synthetic chain: 50 points in 5 sites across 5 time zones, and its answers. */
export const YEAR = 365 * 86_400_000;
export const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'UTC'];
export const SITES = ZONES.map((timeZone, i) => ({ id: `site-${i + 1}`, name: `Site ${i + 1}`, timeZone }));
export const POINTS = Array.from({ length: 50 }, (_, i) => ({
  id: `point-${i + 1}`,
  siteId: SITES[i % SITES.length]!.id,
  name: `Point ${i + 1}`,
}));
export const DEVICES = POINTS.flatMap((p) =>
  [1, 2].map((d) => ({ id: `${p.id}-dev-${d}`, pointId: p.id, kind: 'button' as const, buttons: 4 })),
);
/** Three staff per point, working whole-day shifts in turn, as a branch rota would have it. */
export const STAFF_PER_POINT = 3;
export const staffOf = (pointIndex: number, occurredAt: number) =>
  `staff-${pointIndex * STAFF_PER_POINT + (Math.floor(occurredAt / 86_400_000) % STAFF_PER_POINT) + 1}`;

/** The rota behind staffOf as shifts (one per point and UTC day), so staff filters find their points as in production. */
export function addRota(db: Db, from: number, to: number): number {
  const insertStaff = db.prepare('INSERT OR IGNORE INTO staff (id, name) VALUES (?, ?)');
  const insertShift = db.prepare('INSERT INTO shifts (staff_id, point_id, starts_at, ends_at) VALUES (?, ?, ?, ?)');
  let count = 0;
  db.transaction(() => {
    POINTS.forEach((point, pointIndex) => {
      for (let day = Math.floor(from / 86_400_000) * 86_400_000; day < to; day += 86_400_000) {
        const staffId = staffOf(pointIndex, day);
        insertStaff.run(staffId, staffId);
        insertShift.run(staffId, point.id, day, day + 86_400_000);
        count++;
      }
    });
  })();
  return count;
}

/** A small deterministic generator, so every run measures the same data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function setup(dir: string, name: string): { db: Db; writer: (withoutRollups: boolean) => AnswerWriter; topology: TopologyRepo } {
  const db = openDatabase(join(dir, name));
  const topology = new TopologyRepo(db);
  topology.sync(SITES, POINTS, DEVICES);
  return { db, topology, writer: (withoutRollups) => new AnswerWriter(db, { withoutRollups }) };
}

export function answer(random: () => number, occurredAt: number, seq: number): Answer {
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
    // each press, and each sampled survey answer, is its own response
    responseKey: `${device.id}/1/${seq}`,
    headline: true,
  };
}

/** Feeds answers through the real writer in batches (one group commit each); returns answers/s. */
export async function feed(
  writer: AnswerWriter,
  total: number,
  at: (i: number) => number,
  seed: number,
  log?: (line: string) => void,
): Promise<number> {
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

/** Random indices over random filters and ranges from an hour to two years, with the points each covers. */
export function randomQueries(start: number, count: number, seed: number): { q: IndexQuery; pointIds: string[] }[] {
  const random = rng(seed);
  const indexNames = ['happy', 'positiveShare', 'nps', 'responseRate'] as const;
  const queries: { q: IndexQuery; pointIds: string[] }[] = [];
  for (let i = 0; i < count; i++) {
    const length = Math.exp(Math.log(3_600_000) + random() * (Math.log(2 * YEAR) - Math.log(3_600_000)));
    // Ranges to the minute, the rollups' grain (the API takes bounds to the minute too).
    const from = Math.floor((start + random() * (2 * YEAR - length)) / 60_000) * 60_000;
    const which = Math.floor(random() * 5);
    const point = POINTS[Math.floor(random() * POINTS.length)]!;
    const site = SITES[Math.floor(random() * SITES.length)]!;
    const q: IndexQuery = {
      index: indexNames[Math.floor(random() * indexNames.length)]!,
      from,
      to: from + Math.ceil(length / 60_000) * 60_000,
    };
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
  return queries;
}
