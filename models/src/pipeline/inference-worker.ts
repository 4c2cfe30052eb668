import { parentPort, workerData } from 'node:worker_threads';
import { FrameAnalyzer, type DetectorOptions } from './frame-analyzer.ts';
import type { ModelChoice } from '../classifiers.ts';

/** One inference thread: loads the models once, then analyses frames posted to it. */
interface Job {
  id: number;
  width: number;
  height: number;
  data: ArrayBuffer;
  options: DetectorOptions;
}

const port = parentPort!;
const { modelDir, model } = workerData as { modelDir?: string; model?: ModelChoice };
try {
  const analyzer = await FrameAnalyzer.create({ ...(modelDir ? { modelDir } : {}), ...(model ? { model } : {}), threads: 1 });
  port.on('message', (job: Job) => {
    const started = performance.now();
    analyzer
      .analyze({ width: job.width, height: job.height, data: new Uint8Array(job.data) }, job.options)
      .then((detections) => port.postMessage({ id: job.id, detections, ms: performance.now() - started }))
      .catch((error: Error) => port.postMessage({ id: job.id, error: error.message, ms: performance.now() - started }));
  });
  port.postMessage({ ready: true, backend: analyzer.backend, model: analyzer.classifier.name });
} catch (error) {
  port.postMessage({ fatal: (error as Error).message });
}
