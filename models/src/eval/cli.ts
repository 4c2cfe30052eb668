import { parseArgs } from 'node:util';
import { EMOTIONS } from '../emotions.ts';
import { MODEL_CHOICES, type ModelChoice } from '../classifiers.ts';
import { evaluateFolder, type EvaluationReport } from './evaluate.ts';
import { IMAGE_FORMATS } from '../image-decode.ts';

const usage = `Usage: npm run eval:emotion -- <folder> [--model M] [--reframe S] [--limit N] [--json]
  <folder>     one subfolder per label: angry disgust fear happy neutral sad surprise
               (CK+ names anger, sadness, … are accepted; contempt is skipped);
               JPEG, PNG, BMP, TIFF or GIF files, any size, greyscale or colour
  --model M    ${MODEL_CHOICES.join(' | ')} (default ensemble, what the monitor uses)
  --reframe S  pad each crop by S of its width (0.1 … 0.3), or cut S off each side with a
               negative S (write it --reframe=-0.1),
               to measure how much the cropper matters
  --limit N    evaluate N images spread over the set (a quick check)
  --json       end with one line of JSON (also on failure, then with an "error" field)`;

let json = process.argv.includes('--json');

/** Ends the run: the message on stderr, and with --json one last JSON line saying what went wrong. */
function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  if (json) process.stdout.write(`${JSON.stringify({ error: message })}\n`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      limit: { type: 'string' },
      model: { type: 'string', default: 'ensemble' },
      reframe: { type: 'string', default: '0' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
} catch (error) {
  fail(`${(error as Error).message}\n\n${usage}`, 2);
}
const { values, positionals } = parsed;
json = values.json;
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (positionals.length !== 1) fail(`Name one dataset folder.\n\n${usage}`, 2);
const limit = values.limit === undefined ? undefined : Number(values.limit);
if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
  fail(`--limit must be a positive whole number, got "${values.limit}"\n\n${usage}`, 2);
if (!(MODEL_CHOICES as readonly string[]).includes(values.model))
  fail(`--model must be one of ${MODEL_CHOICES.join(', ')}, got "${values.model}"`, 2);
const reframe = Number(values.reframe);
if (!(Number.isFinite(reframe) && reframe > -0.4 && reframe <= 0.5))
  fail(`--reframe must be a share between -0.4 and 0.5, got "${values.reframe}"`, 2);

let report: EvaluationReport;
try {
  report = await evaluateFolder(positionals[0]!, {
    limit,
    model: values.model as ModelChoice,
    reframe,
    onProgress: (done, total) => process.stderr.write(`evaluated ${done} / ${total}\n`),
  });
} catch (error) {
  fail((error as Error).message, 1);
}

const pct = (x: number | null) => (x === null ? '   –  ' : `${(100 * x).toFixed(1).padStart(5)}%`);
const lines = [
  `Expression model: ${report.model} on ${report.backend}, ${report.images} images${reframe ? `, crops reframed by ${reframe > 0 ? '+' : ''}${reframe}` : ''}`,
  `Top-1 accuracy: ${pct(report.accuracy)}   balanced: ${pct(report.balancedAccuracy)}   ${report.msPerFace.toFixed(2)} ms per face`,
  '',
  `${'Class'.padEnd(11)}${'recall'.padStart(7)}${'precision'.padStart(11)}`,
  ...EMOTIONS.map((e) => `  ${e.padEnd(9)}${pct(report.perClass[e]).padStart(7)}${pct(report.precision[e]).padStart(11)}`),
  '',
  `Confusion (rows: actual, columns: predicted)`,
  `  ${''.padEnd(9)} ${EMOTIONS.map((e) => e.slice(0, 7).padStart(8)).join('')}`,
  ...EMOTIONS.map((a) => `  ${a.padEnd(9)} ${EMOTIONS.map((p) => String(report.confusion[a][p]).padStart(8)).join('')}`),
];
if (report.skippedFolders.length) lines.push('', `Skipped folders: ${report.skippedFolders.join(', ')}`);
if (report.skippedFiles) lines.push(`Skipped ${report.skippedFiles} files that are not ${IMAGE_FORMATS} images`);
process.stdout.write(`${lines.join('\n')}\n`);
if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
