import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_CHOICES, WorkerPool, type ModelChoice, type RgbImage } from '@feedback/models';
import { REPO_ROOT } from '../helpers/gateway-process.ts';

/**
 * Run as its own process (`node --import tsx test/bench/worker-memory.ts <model> <frame.rgb>`):
 * the resident memory one inference worker adds with the given expression model loaded, after it
 * has analysed a frame three times. Prints one JSON line. A process of its own per model, so
 * that memory one model's worker freed is not reused by the next and hidden from its figure.
 */
const [model, framePath] = process.argv.slice(2) as [ModelChoice, string];
if (!(MODEL_CHOICES as readonly string[]).includes(model) || !framePath)
  throw new Error(`usage: worker-memory.ts <${MODEL_CHOICES.join('|')}> <640x480 rgb24 file>`);
const frame: RgbImage = { width: 640, height: 480, data: new Uint8Array(readFileSync(framePath)) };
const rssMb = () => process.memoryUsage().rss / 2 ** 20;
const before = rssMb();
const pool = await WorkerPool.start({ workers: 1, entry: join(REPO_ROOT, 'gateway', 'dist', 'inference-worker.mjs'), model });
for (let i = 0; i < 3; i++) await pool.analyze(frame, { inputSize: 320, scoreThreshold: 0.5 });
const after = rssMb();
await pool.stop();
process.stdout.write(`${JSON.stringify({ model, workerMb: Math.round(after - before) })}\n`);
