import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig, ConfigError } from '../src/platform/config/load.ts';
import { openDatabase, closeDatabase } from '../src/platform/store/database.ts';
import { rebuildRollups } from '../src/platform/rollups/rebuild.ts';
import { DATABASE_FILE } from '../src/main/gateway.ts';

/**
 * npm run rollups:rebuild [-- --config FILE]: recreates every rollup level from the raw answers.
 * Safe to run while the gateway runs (one transaction; ingest waits for it), quicker when stopped.
 */
const { values } = parseArgs({ options: { config: { type: 'string', short: 'c' } } });
let dataDir: string;
try {
  dataDir = resolve(loadConfig({ file: values.config }).dataDir);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(78);
}
const file = join(dataDir, DATABASE_FILE);
if (!existsSync(file)) {
  console.error(`No database at ${file}: nothing to rebuild (is dataDir right?)`);
  process.exit(1);
}
const db = openDatabase(file);
const started = Date.now();
let lastReport = 0;
const { answers, responses } = rebuildRollups(db, (done, total, phase) => {
  if (Date.now() - lastReport < 1000 && done < total) return;
  lastReport = Date.now();
  process.stderr.write(
    `rebuilding ${phase === 'answers' ? 'rollups' : 'responses'}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} answers (${Math.round((100 * done) / Math.max(1, total))}%)\n`,
  );
});
closeDatabase(db);
process.stdout.write(
  `Rebuilt the minute, hour, day and month rollups from ${answers.toLocaleString('en')} answers and ${responses.toLocaleString('en')} responses in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
);
