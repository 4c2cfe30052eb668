import { parseArgs } from 'node:util';
import { cpus, totalmem } from 'node:os';
import { ingestBench } from './ingest-bench.ts';
import { indicesBench } from './indices-bench.ts';
import { emotionBench } from './emotion-bench.ts';
import { appBudgetBench } from './app-budget.ts';
import { dashboardBench } from './dashboard-bench.ts';
import { screenHeapBench } from './screen-heap-bench.ts';
import { kioskBench } from './kiosk-bench.ts';
import { responseCostBench } from './response-cost-bench.ts';

/**
 * npm run bench [-- --only ingest|responses|indices|emotion|apps|dashboard|kiosk|screen] [--answers N] [--screen-minutes M]: runs the benchmarks and prints one JSON object on stdout.
 * Progress goes to stderr. Each benchmark reports ratios against a baseline measured in the same run.
 */
const { values } = parseArgs({ options: { only: { type: 'string' }, answers: { type: 'string' }, 'screen-minutes': { type: 'string' } } });
const answers = values.answers ? { answers: Number(values.answers) } : {};
const benches: Record<string, (log: (line: string) => void) => Promise<Record<string, unknown>>> = {
  ingest: ingestBench,
  responses: responseCostBench,
  indices: (log) => indicesBench(log, answers),
  emotion: emotionBench,
  apps: appBudgetBench,
  dashboard: (log) => dashboardBench(log, answers),
  kiosk: kioskBench,
  screen: (log) => screenHeapBench(log, values['screen-minutes'] ? { minutes: Number(values['screen-minutes']) } : {}),
};

const results: Record<string, unknown> = {
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  startedAt: new Date().toISOString(),
};
for (const [name, bench] of Object.entries(benches)) {
  if (values.only && values.only !== name) continue;
  const started = Date.now();
  results[name] = await bench((line) => process.stderr.write(`[${name}] ${line}\n`));
  process.stderr.write(`[${name}] done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
