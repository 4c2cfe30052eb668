import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../src/platform/store/database.ts';
import { MIGRATIONS } from '../src/platform/store/migrations.ts';
import { TopologyRepo } from '../src/platform/settings/topology-repo.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const SURVEY = {
  id: 'exit',
  name: 'Exit',
  questions: [
    { id: 'wait', number: 1, scale: 'smiley4', label: 'Wait?' },
    { id: 'staff', number: 2, scale: 'csat5', label: 'Staff?' },
    { id: 'recommend', number: 3, scale: 'nps11', label: 'Recommend?' },
  ],
  idle: { afterSeconds: 30, partial: 'submit' },
};

describe('upgrading a version-11 database to responses', () => {
  it('makes each old answer its own response, its headline read from the catalog, and fills the response rollups', () => {
    dir = mkdtempSync(join(tmpdir(), 'fb-migrate-responses-'));
    const file = join(dir, 'old.db');
    const old = openDatabase(
      file,
      MIGRATIONS.filter((m) => m.version <= 11),
    );
    new TopologyRepo(old).sync(
      [{ id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' }],
      [{ id: 'desk', siteId: 'berlin', name: 'Desk' }],
      [{ id: 'b1', pointId: 'desk', kind: 'button', buttons: 4 }],
    );
    const catalog = { sites: [], points: [], devices: [], surveys: [SURVEY], alerts: { rules: [] }, webhooks: [] };
    old
      .prepare("INSERT INTO catalog (id, version, document, updated_at, updated_by) VALUES (1, 1, ?, 0, 'seed')")
      .run(JSON.stringify(catalog));
    const insert = old.prepare(
      `INSERT INTO answers (device_id, boot, seq, site_id, point_id, survey_id, question_id, scale, value, occurred_at, received_at, misuse, source)
       VALUES (?, 1, ?, 'berlin', 'desk', ?, ?, ?, ?, ?, ?, ?, 'mqtt')`,
    );
    const at = Date.UTC(2026, 5, 1, 10);
    insert.run('b1', 1, null, null, 'smiley4', 0, at, at, 0); // a negative press
    insert.run('b1', 2, null, null, 'smiley4', 3, at + 1000, at, 1); // a misuse press
    insert.run('term', 10, 'exit', 'wait', 'smiley4', 3, at, at, 0); // the headline question: positive
    insert.run('term', 11, 'exit', 'staff', 'csat5', 1, at + 15_000, at, 0); // not the headline: neither
    insert.run('term', 12, 'exit', 'recommend', 'nps11', null, at + 30_000, at, 0); // skipped: no response
    closeDatabase(old);

    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT response_key FROM answers ORDER BY device_id, seq').pluck().all()).toEqual([
        'b1/1/1',
        'b1/1/2',
        'term/1/10',
        'term/1/11',
        'term/1/12',
      ]);
      expect(db.prepare('SELECT key, counted, polarity, misuse, questions FROM responses ORDER BY key').all()).toEqual([
        { key: 'b1/1/1', counted: 1, polarity: -1, misuse: 0, questions: '' },
        { key: 'b1/1/2', counted: 0, polarity: 0, misuse: 1, questions: '' },
        { key: 'term/1/10', counted: 1, polarity: 1, misuse: 0, questions: 'wait' },
        { key: 'term/1/11', counted: 1, polarity: 0, misuse: 0, questions: 'staff' },
        { key: 'term/1/12', counted: 0, polarity: 0, misuse: 0, questions: '' },
      ]);
      const day = { point_id: 'desk', bucket: 20260601 };
      expect(db.prepare('SELECT * FROM response_rollup_point_day ORDER BY survey_id, question_id').all()).toEqual([
        { ...day, survey_id: '', question_id: '', responses: 1, negative: 1, positive: 0, misuse: 1 },
        { ...day, survey_id: 'exit', question_id: '', responses: 2, negative: 0, positive: 1, misuse: 0 },
        { ...day, survey_id: 'exit', question_id: 'staff', responses: 1, negative: 0, positive: 0, misuse: 0 },
        { ...day, survey_id: 'exit', question_id: 'wait', responses: 1, negative: 0, positive: 1, misuse: 0 },
      ]);
      expect(db.prepare('SELECT SUM(responses), SUM(misuse) FROM response_rollup_minute WHERE question_id = ?').raw().get('')).toEqual([
        3, 1,
      ]);
    } finally {
      closeDatabase(db);
    }
  });
});

describe('upgrading a version-13 database to staff-keyed response rollups', () => {
  it("counts a run for those on shift at its counted answers, no longer for its first answer's staff member", () => {
    dir = mkdtempSync(join(tmpdir(), 'fb-migrate-staff-'));
    const file = join(dir, 'old.db');
    const old = openDatabase(
      file,
      MIGRATIONS.filter((m) => m.version <= 13),
    );
    new TopologyRepo(old).sync(
      [{ id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' }],
      [{ id: 'desk', siteId: 'berlin', name: 'Desk' }],
      [{ id: 'term', pointId: 'desk', kind: 'button', buttons: 4 }],
    );
    const insert = old.prepare(
      `INSERT INTO answers (device_id, boot, seq, site_id, point_id, staff_id, survey_id, question_id, scale, value, occurred_at, received_at,
                            misuse, source, response_key, headline)
       VALUES ('term', 1, ?, 'berlin', 'desk', ?, 'exit', ?, ?, ?, ?, ?, 0, 'kiosk', 'term/1/r10', ?)`,
    );
    const at = Date.UTC(2026, 5, 1, 10);
    insert.run(10, 'anna', 'wait', 'smiley4', null, at, at, 1); // the headline, skipped on anna's shift
    insert.run(11, 'ben', 'staff', 'csat5', 1, at + 15_000, at, 0); // counted on ben's
    // what version 12's code kept: one staff member per response, its first answer's
    old.exec(
      `INSERT INTO responses (key, site_id, point_id, device_id, staff_id, survey_id, source, occurred_at, counted, polarity, misuse, questions)
       VALUES ('term/1/r10', 'berlin', 'desk', 'term', 'anna', 'exit', 'kiosk', ${at}, 1, 0, 0, 'staff')`,
    );
    old.exec(
      `INSERT INTO response_rollup_day (point_id, bucket, device_id, staff_id, survey_id, question_id, responses)
       VALUES ('desk', 20260601, 'term', 'anna', 'exit', '', 1)`,
    );
    closeDatabase(old);

    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT staff_id, staff FROM responses').all()).toEqual([
        { staff_id: 'anna', staff: JSON.stringify([['ben', 1, ['staff']]]) },
      ]);
      const row = { point_id: 'desk', bucket: 20260601, device_id: 'term', survey_id: 'exit', negative: 0, positive: 0, misuse: 0 };
      expect(db.prepare('SELECT * FROM response_staff_rollup_day ORDER BY question_id').all()).toEqual([
        { ...row, staff_id: 'ben', question_id: '', responses: 1 },
        { ...row, staff_id: 'ben', question_id: 'staff', responses: 1 },
      ]);
      expect(db.prepare('SELECT * FROM response_rollup_day ORDER BY question_id').all()).toEqual([
        { ...row, question_id: '', responses: 1 },
        { ...row, question_id: 'staff', responses: 1 },
      ]);
    } finally {
      closeDatabase(db);
    }
  });
});
