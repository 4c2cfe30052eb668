import type { Db } from '../store/db.ts';
import { CatalogRepo } from '../settings/catalog-repo.ts';
import { headlineQuestionNumber } from '../config/survey-headline.ts';
import { siteCalendars } from './writer.ts';
import { RESPONSE_ROLLUP_TABLES } from './response-levels.ts';
import { withAnswer, type ResponseAnswer, type ResponseState } from './response-state.ts';
import { ResponseRollupAccumulator, ResponseRows, responseRollupStatements } from './response-writer.ts';

interface StoredAnswer extends Omit<ResponseAnswer, 'headline' | 'misuse'> {
  id: number;
  responseKey: string;
  headline: number | null;
  misuse: number;
}

/**
 * Whether an answer stored before version 12 (headline NULL) is its response's headline: a press
 * always; a survey answer when its question is its survey's headline in the current catalog (the
 * catalog table, as the settings keep it; a survey no longer there has none).
 */
function headlinesFromCatalog(db: Db): (surveyId: string | null, questionId: string | null) => boolean {
  const surveys = new CatalogRepo(db).load()?.catalog.surveys ?? [];
  const headlines = new Set<string>();
  for (const survey of surveys) {
    const number = headlineQuestionNumber(survey);
    const question = survey.questions.find((q) => q.number === number);
    if (question) headlines.add(`${survey.id}\u0000${question.id}`);
  }
  return (surveyId, questionId) => questionId === null || headlines.has(`${surveyId ?? ''}\u0000${questionId}`);
}

/**
 * Recreates `responses` and every response rollup from the raw answers, read a page at a time in
 * response order (a response's answers are neighbours), folded exactly as live ingest folds them.
 * Call inside a transaction. Returns how many responses it wrote (counted or not).
 */
export function rebuildResponses(db: Db, onProgress?: (done: number, total: number) => void): { responses: number } {
  // a database opened with the migrations before version 14 only (old-version tests): not today's response tables yet
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'response_staff_rollup_minute'").get() === undefined)
    return { responses: 0 };
  const total = (db.prepare('SELECT COUNT(*) FROM answers').pluck().get() as number) ?? 0;
  const page = db.prepare(
    `SELECT id, response_key AS responseKey, site_id AS siteId, point_id AS pointId, device_id AS deviceId, staff_id AS staffId,
            survey_id AS surveyId, question_id AS questionId, scale, value, occurred_at AS occurredAt, misuse, headline, source
     FROM answers WHERE (response_key, id) > (?, ?) ORDER BY response_key, id LIMIT 50000`,
  );
  const headline = headlinesFromCatalog(db);
  db.exec('DELETE FROM responses');
  for (const table of RESPONSE_ROLLUP_TABLES) db.exec(`DELETE FROM ${table.name}`);
  const rows = new ResponseRows(db);
  const statements = responseRollupStatements(db);
  const accumulator = new ResponseRollupAccumulator(siteCalendars(db));
  let current: ResponseState | undefined;
  let responses = 0;
  const finish = (): void => {
    if (!current) return;
    rows.save(current);
    accumulator.add(current, 1);
    responses++;
    current = undefined;
  };
  let after: [string, number] = ['', 0];
  let done = 0;
  for (;;) {
    const answers = page.all(...after) as StoredAnswer[];
    if (answers.length === 0) break;
    for (const a of answers) {
      if (current && current.key !== a.responseKey) finish();
      const isHeadline = a.headline === null ? headline(a.surveyId, a.questionId) : a.headline === 1;
      current = withAnswer(current, a.responseKey, { ...a, misuse: a.misuse === 1, headline: isHeadline });
    }
    accumulator.flush(statements);
    const last = answers.at(-1)!;
    after = [last.responseKey, last.id];
    done += answers.length;
    onProgress?.(done, total);
  }
  finish();
  accumulator.flush(statements);
  return { responses };
}
