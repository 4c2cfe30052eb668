import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, closeDatabase, type Db } from '../src/platform/store/database.ts';
import { TopologyRepo } from '../src/platform/settings/topology-repo.ts';
import { AnswerWriter } from '../src/modules/ingest/answer-writer.ts';
import { ROLLUP_TABLES } from '../src/platform/rollups/levels.ts';
import type { Answer } from '../src/core/answer.ts';

let dir: string;
let db: Db;

const event = (seq: number, value: number, overrides: Partial<Answer> = {}): Answer => ({
  deviceId: 'd1',
  boot: 1,
  seq,
  siteId: 's1',
  pointId: 'p1',
  staffId: null,
  surveyId: null,
  questionId: null,
  scale: 'smiley4',
  value,
  occurredAt: 1_700_000_000_000 + seq * 1000,
  receivedAt: 1_700_000_000_000 + seq * 1000,
  misuse: false,
  source: 'mqtt',
  responseKey: `d1/1/${seq}`,
  headline: true,
  ...overrides,
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fb-writer-'));
  db = openDatabase(join(dir, 'test.db'));
  new TopologyRepo(db).sync(
    [{ id: 's1', name: 'S', timeZone: 'UTC' }],
    [{ id: 'p1', siteId: 's1', name: 'P' }],
    [{ id: 'd1', pointId: 'p1', kind: 'button', buttons: 4 }],
  );
});

afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe('AnswerWriter', () => {
  it('stores each (device, boot, seq) once and reports retransmissions as duplicates', async () => {
    const writer = new AnswerWriter(db);
    const outcomes = await Promise.all([writer.submit(event(1, 3)), writer.submit(event(1, 3)), writer.submit(event(2, 0))]);
    expect(outcomes).toEqual(['stored', 'duplicate', 'stored']);
    expect(await writer.submit(event(1, 3))).toBe('duplicate');
    expect(await writer.submit(event(1, 3, { boot: 2 }))).toBe('stored');
    expect((db.prepare('SELECT COUNT(*) AS n FROM answers').get() as { n: number }).n).toBe(3);
  });

  it('keeps the minute rollups equal to the raw answers, misuse excluded', async () => {
    const writer = new AnswerWriter(db);
    await Promise.all([
      writer.submit(event(1, 3)),
      writer.submit(event(1, 3)),
      writer.submit(event(2, 3)),
      writer.submit(event(3, 0)),
      writer.submit(event(4, 1, { misuse: true })),
    ]);
    for (const table of ROLLUP_TABLES) {
      // n<k> counts value k (value_base 0 for every rating scale).
      const counts = db
        .prepare(`SELECT value_base, SUM(n0) AS n0, SUM(n1) AS n1, SUM(n2) AS n2, SUM(n3) AS n3 FROM ${table.name} GROUP BY value_base`)
        .all();
      expect(counts, table.name).toEqual([{ value_base: 0, n0: 1, n1: 0, n2: 0, n3: 2 }]);
    }
  });

  it('counts choice codes above 10 in rows of eleven (value_base 0, 11, 22, ...)', async () => {
    const writer = new AnswerWriter(db);
    const choice = { scale: 'choice' as const, surveyId: 's', questionId: 'why' };
    await Promise.all([
      writer.submit(event(20, 0, choice)),
      writer.submit(event(21, 12, choice)),
      writer.submit(event(22, 30, choice)),
      writer.submit(event(23, 30, choice)),
    ]);
    const rows = db.prepare('SELECT value_base, n0, n1, n8 FROM rollup_point_month ORDER BY value_base').all();
    expect(rows).toEqual([
      { value_base: 0, n0: 1, n1: 0, n8: 0 },
      { value_base: 11, n0: 0, n1: 1, n8: 0 },
      { value_base: 22, n0: 0, n1: 0, n8: 2 },
    ]);
  });

  it('stores a skipped answer without counting it anywhere', async () => {
    const writer = new AnswerWriter(db);
    expect(await writer.submit(event(9, null as unknown as number, { scale: 'nps11', questionId: 'q1', surveyId: 's' }))).toBe('stored');
    expect(db.prepare('SELECT value FROM answers WHERE seq = 9').pluck().get()).toBeNull();
    for (const table of ROLLUP_TABLES) expect(db.prepare(`SELECT COUNT(*) FROM ${table.name}`).pluck().get(), table.name).toBe(0);
  });

  it('commits answers submitted in one turn in one batch and reports only the new ones', async () => {
    const commits: { stored: number; batch: number }[] = [];
    const writer = new AnswerWriter(db, { onCommit: (stored, batch) => commits.push({ stored: stored.length, batch }) });
    await Promise.all(Array.from({ length: 50 }, (_, i) => writer.submit(event(i % 40, 2))));
    expect(commits).toEqual([{ stored: 40, batch: 50 }]);
  });

  it('rejects every answer of a batch that fails to commit, and stores none of them', async () => {
    const writer = new AnswerWriter(db);
    const bad = writer.submit(event(2, 1, { scale: null as unknown as 'choice' }));
    const good = writer.submit(event(1, 1));
    await expect(bad).rejects.toThrow(/NOT NULL/);
    await expect(good).rejects.toThrow();
    expect((db.prepare('SELECT COUNT(*) AS n FROM answers').get() as { n: number }).n).toBe(0);
    expect(await writer.submit(event(1, 1))).toBe('stored');
  });

  it('refuses new answers once closed, after flushing what was queued', async () => {
    const writer = new AnswerWriter(db);
    const queued = writer.submit(event(1, 2));
    writer.close();
    expect(await queued).toBe('stored');
    await expect(writer.submit(event(2, 2))).rejects.toThrow(/closed/);
  });
});
