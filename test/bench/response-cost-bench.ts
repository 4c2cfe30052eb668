import { tempDir } from '../helpers/temp-dir.ts';
import { AnswerWriter } from '../../gateway/src/modules/ingest/answer-writer.ts';
import { closeDatabase } from '../../gateway/src/platform/store/database.ts';
import { answer, rng, setup } from './two-year-data.ts';
import type { Answer } from '../../gateway/src/core/answer.ts';
import { responseCostEndToEnd } from './ingest-bench.ts';

const PER_RUN = 100_000;
const BATCH = 500;

/**
 * Presses and survey answers as ingest hands them to the writer: 85% presses (each its own
 * response), 15% survey answers grouped four to a run (a response read, folded and rewritten as
 * each of its answers arrives in a later batch).
 */
function workload(seed: number): Answer[] {
  const random = rng(seed);
  const start = Date.UTC(2026, 5, 1);
  return Array.from({ length: PER_RUN }, (_, i) => {
    const a = answer(random, start + i * 200, i + 1);
    return a.surveyId === null ? a : { ...a, responseKey: `${a.deviceId}/1/r${i - (i % 4) + 1}`, headline: i % 4 === 0 };
  });
}

/** Durable answers/s of one fresh database fed the workload in group commits of BATCH (synchronous = FULL, as in production). */
async function rate(withoutResponses: boolean, answers: Answer[]): Promise<number> {
  const dir = tempDir('fb-bench-responses-');
  const { db } = setup(dir.path, 'bench.db');
  const writer = new AnswerWriter(db, { withoutResponses });
  try {
    const started = performance.now();
    for (let i = 0; i < answers.length; i += BATCH) await Promise.all(answers.slice(i, i + BATCH).map((a) => writer.submit(a)));
    return Math.round(answers.length / ((performance.now() - started) / 1000));
  } finally {
    writer.close();
    closeDatabase(db);
    dir.remove();
  }
}

/**
 * What keeping `responses` and the response rollups costs ingest: the same answers through the
 * real writer with and without them, in turn (three runs each, same machine, same run), median.
 */
async function responseCostAtWriter(log: (line: string) => void): Promise<Record<string, unknown>> {
  const answers = workload(7);
  const runs: Record<'with' | 'without', number[]> = { with: [], without: [] };
  for (let run = 0; run < 3; run++) {
    for (const kind of ['without', 'with'] as const) {
      log(`${kind} response rollups, run ${run + 1} of 3`);
      runs[kind].push(await rate(kind === 'without', answers));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  const slower = 100 * (1 - median(runs.with) / median(runs.without));
  return {
    pattern: `${PER_RUN.toLocaleString('en')} answers (15% survey answers, four to a run) through the writer in group commits of ${BATCH}, durable`,
    answersPerSecondWithoutResponses: median(runs.without),
    answersPerSecondWithResponses: median(runs.with),
    runs,
    slowerPercent: Math.round(10 * slower) / 10,
  };
}

/** The response rollups' cost to ingest: end to end (durable presses/s, the target) and at the bare writer (the pure cost). */
export async function responseCostBench(log: (line: string) => void): Promise<Record<string, unknown>> {
  log('end to end: presses through MQTT into gateways with and without responses');
  const endToEnd = await responseCostEndToEnd(log);
  log('bare writer: the same answers with and without responses');
  return { endToEnd, bareWriter: await responseCostAtWriter(log) };
}
