import type { Db } from '../store/db.ts';
import { ROLLUP_TABLES } from './levels.ts';
import { RollupAccumulator, rollupStatements, siteCalendars, type RollupAnswer } from './writer.ts';
import { rebuildResponses } from './rebuild-responses.ts';

/**
 * Recreates every rollup table from the raw answers (misuse and skipped answers excluded, as in
 * live ingest), then `responses` and the response rollups, in one transaction, reading the answers
 * in pages so memory stays flat. Progress is told per phase.
 */
export function rebuildRollups(
  db: Db,
  onProgress?: (done: number, total: number, phase: 'answers' | 'responses') => void,
): { answers: number; responses: number } {
  const total = (db.prepare('SELECT COUNT(*) FROM answers WHERE misuse = 0 AND value IS NOT NULL').pluck().get() as number) ?? 0;
  const page = db.prepare(
    `SELECT id, site_id AS siteId, point_id AS pointId, device_id AS deviceId, staff_id AS staffId, survey_id AS surveyId,
            question_id AS questionId, scale, value, occurred_at AS occurredAt
     FROM answers WHERE misuse = 0 AND value IS NOT NULL AND id > ? ORDER BY id LIMIT 50000`,
  );
  let done = 0;
  let responses = 0;
  db.transaction(() => {
    for (const table of ROLLUP_TABLES) db.exec(`DELETE FROM ${table.name}`);
    const statements = rollupStatements(db);
    const accumulator = new RollupAccumulator(siteCalendars(db));
    let lastId = 0;
    for (;;) {
      const rows = page.all(lastId) as (RollupAnswer & { id: number })[];
      if (rows.length === 0) break;
      for (const row of rows) accumulator.add(row);
      accumulator.flush(statements);
      lastId = rows.at(-1)!.id;
      done += rows.length;
      onProgress?.(done, total, 'answers');
    }
    responses = rebuildResponses(db, (d, t) => onProgress?.(d, t, 'responses')).responses;
  })();
  return { answers: done, responses };
}
