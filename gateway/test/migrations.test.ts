import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../src/platform/store/database.ts';
import { MIGRATIONS } from '../src/platform/store/migrations.ts';
import { TopologyRepo } from '../src/platform/settings/topology-repo.ts';
import { indexServiceOn } from '../src/modules/indices/index-service-on.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('migrations', () => {
  it('upgrades a version-3 database with answers to the one-row-per-key rollups without losing a count', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fb-migrate-'));
    const file = join(dir, 'old.db');
    const old = openDatabase(
      file,
      MIGRATIONS.filter((m) => m.version <= 3),
    );
    new TopologyRepo(old).sync(
      [{ id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' }],
      [{ id: 'desk', siteId: 'berlin', name: 'Desk' }],
      [{ id: 'b1', pointId: 'desk', kind: 'button', buttons: 4 }],
    );
    const insert = old.prepare(
      `INSERT INTO answers (device_id, boot, seq, site_id, point_id, scale, value, occurred_at, received_at, misuse, source)
       VALUES ('b1', 1, ?, 'berlin', 'desk', 'smiley4', ?, ?, ?, ?, 'mqtt')`,
    );
    const at = Date.UTC(2026, 2, 29, 10);
    // 0, 1, 2, 3 three times each, a misuse press, and a press a month earlier.
    let seq = 0;
    for (let round = 0; round < 3; round++) for (let value = 0; value < 4; value++) insert.run(++seq, value, at + seq * 60_000, at, 0);
    insert.run(++seq, 0, at, at, 1);
    insert.run(++seq, 3, at - 31 * 86_400_000, at, 0);
    closeDatabase(old);

    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.at(-1)!.version);
      const indices = indexServiceOn(db, new TopologyRepo(db), { minAnswers: 1, minFaces: 5, surveys: [] });
      const march = await indices.compute({ index: 'happy', pointId: 'desk', from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 1) });
      expect(march).toMatchObject({ n: 12, value: 50 });
      expect(await indices.compute({ index: 'happy', from: 0, to: Date.UTC(2027, 0, 1) })).toMatchObject({ n: 13 });
      expect(db.prepare('SELECT SUM(n0 + n1 + n2 + n3) FROM rollup_point_month').pluck().get()).toBe(13);
    } finally {
      closeDatabase(db);
    }
  });
});
