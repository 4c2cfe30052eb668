import { parseArgs } from 'node:util';
import { EMOTIONS } from '../emotions.ts';
import { evaluateFolder, type EvaluationReport } from './evaluate.ts';

const usage = `Usage: npm run eval:emotion -- <folder> [--json] [--limit N]
  <folder>   one subfolder per label: angry disgust fear happy neutral sad surprise
             (CK+ names anger, sadness, … are accepted; contempt is skipped)
  --json     end with one line of JSON: accuracy, perClass, msPerFace, confusion, …
  --limit N  evaluate N images spread over the set (a quick check)`;

const { values, positionals } = parseArgs({ options: { json: { type: 'boolean', default: false }, limit: { type: 'string' }, help: { type: 'boolean', default: false } }, allowPositionals: true });
if (values.help || positionals.length !== 1) {
  (values.help ? process.stdout : process.stderr).write(`${usage}\n`);
  process.exit(values.help ? 0 : 2);
}
const limit = values.limit === undefined ? undefined : Number(values.limit);
if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
  process.stderr.write(`--limit must be a positive whole number, got "${values.limit}"\n\n${usage}\n`);
  process.exit(2);
}

let report: EvaluationReport;
try {
  report = await evaluateFolder(positionals[0]!, { limit, onProgress: (done, total) => process.stderr.write(`evaluated ${done} / ${total}\n`) });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}

const pct = (x: number | null) => (x === null ? '   –  ' : `${(100 * x).toFixed(1).padStart(5)}%`);
const lines = [
  `Expression model: face-api FaceExpressionNet on ${report.backend}, ${report.images} images`,
  `Top-1 accuracy: ${pct(report.accuracy)}   ${report.msPerFace.toFixed(2)} ms per face`,
  '',
  'Recall per class:',
  ...EMOTIONS.map((e) => `  ${e.padEnd(9)} ${pct(report.perClass[e])}`),
  '',
  `Confusion (rows: actual, columns: predicted)`,
  `  ${''.padEnd(9)} ${EMOTIONS.map((e) => e.slice(0, 7).padStart(8)).join('')}`,
  ...EMOTIONS.map((a) => `  ${a.padEnd(9)} ${EMOTIONS.map((p) => String(report.confusion[a][p]).padStart(8)).join('')}`),
];
if (report.skippedFolders.length) lines.push('', `Skipped folders: ${report.skippedFolders.join(', ')}`);
if (report.skippedFiles) lines.push(`Skipped ${report.skippedFiles} files that are not JPEG`);
process.stdout.write(`${lines.join('\n')}\n`);
if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
