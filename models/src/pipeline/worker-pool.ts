import { Worker } from 'node:worker_threads';
import type { Detection, DetectorOptions } from './frame-analyzer.ts';
import type { RgbImage } from '../expression-model.ts';
import type { ModelChoice } from '../classifiers.ts';

export interface WorkerPoolOptions {
  workers: number;
  /** the worker script: inference-worker.dev.mjs (TypeScript through tsx) or the built .mjs */
  entry: string;
  modelDir?: string | undefined;
  /** which expression model (or the ensemble) every worker loads */
  model?: ModelChoice | undefined;
  /** told when a worker dies after starting (it is then replaced) */
  onWorkerExit?: ((code: number) => void) | undefined;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

/**
 * Inference off the main thread. `analyze` hands a frame to an idle worker, or refuses it at once
 * (undefined) when every worker is busy: frames are dropped and counted, never queued without bound.
 */
export class WorkerPool {
  private slots: Slot[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (d: Detection[]) => void; reject: (e: Error) => void; slot: Slot }>();
  backend = 'unknown';
  /** the expression model the workers run */
  model = 'unknown';
  dropped = 0;
  /** workers that died after starting and were replaced */
  restarts = 0;
  /** milliseconds the workers spent analysing frames, as each measured it (the rest of a frame's round trip is messaging) */
  analysisMs = 0;
  private stopping = false;

  private constructor(private readonly options: WorkerPoolOptions) {}

  static async start(options: WorkerPoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(options);
    try {
      await Promise.all(Array.from({ length: options.workers }, () => pool.spawn()));
    } catch (error) {
      await pool.stop();
      throw error;
    }
    return pool;
  }

  private spawn(): Promise<void> {
    // A bounded JavaScript heap per worker: the models and one frame's tensors live in WASM memory.
    const worker = new Worker(this.options.entry, {
      workerData: { modelDir: this.options.modelDir, model: this.options.model },
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 },
    });
    const slot: Slot = { worker, busy: false };
    return new Promise((resolve, reject) => {
      worker.on(
        'message',
        (m: {
          ready?: boolean;
          backend?: string;
          model?: string;
          fatal?: string;
          id?: number;
          detections?: Detection[];
          error?: string;
          ms?: number;
        }) => {
          if (m.ready) {
            this.backend = m.backend ?? this.backend;
            this.model = m.model ?? this.model;
            this.slots.push(slot);
            return resolve();
          }
          if (m.fatal) return reject(new Error(m.fatal));
          const job = m.id === undefined ? undefined : this.pending.get(m.id);
          if (!job) return;
          this.pending.delete(m.id!);
          job.slot.busy = false;
          this.analysisMs += m.ms ?? 0;
          if (m.error) job.reject(new Error(m.error));
          else job.resolve(m.detections ?? []);
        },
      );
      worker.once('error', (error) => reject(error));
      // A worker that dies after starting (a crash, out of memory) must not leave its frame
      // waiting for ever: its job fails, and a new worker takes its place.
      worker.once('exit', (code) => {
        reject(new Error(`inference worker exited (code ${code}) before it was ready`)); // no-op once ready
        const index = this.slots.indexOf(slot);
        if (index < 0) return;
        this.slots.splice(index, 1);
        for (const [id, job] of this.pending) {
          if (job.slot !== slot) continue;
          this.pending.delete(id);
          job.reject(new Error(`inference worker exited (code ${code})`));
        }
        if (this.stopping) return;
        this.restarts++;
        this.options.onWorkerExit?.(code);
        setTimeout(() => {
          if (!this.stopping) this.spawn().catch(() => undefined);
        }, 1000).unref();
      });
    });
  }

  get size(): number {
    return this.slots.length;
  }

  /** Analyses a frame on an idle worker; undefined (and counted) when all are busy. */
  analyze(frame: RgbImage, options: DetectorOptions): Promise<Detection[]> | undefined {
    const slot = this.slots.find((s) => !s.busy);
    if (!slot) {
      this.dropped++;
      return undefined;
    }
    slot.busy = true;
    const id = this.nextId++;
    // A copy the worker owns: the caller's frame buffer is never shared, and is freed by the GC.
    const data = frame.data.slice().buffer;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ id, width: frame.width, height: frame.height, data, options }, [data]);
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const { reject } of this.pending.values()) reject(new Error('inference stopped'));
    this.pending.clear();
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }
}
