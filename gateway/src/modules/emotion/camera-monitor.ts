import type { Logger } from 'pino';
import {
  FfmpegSource,
  FolderSource,
  SnapshotSource,
  Tracker,
  WindowAggregator,
  WorkerPool,
  checkModelFiles,
  packagedModelDir,
  NETWORKS,
  type EmotionWindow,
  type FrameSource,
} from '@feedback/models';
import type { CameraConfig, Config } from '../../platform/config/schema.ts';
import type { EmotionWindowRepo } from './emotion-window-repo.ts';
import type { Metrics } from '../../platform/metrics/metrics.ts';
import { workerEntry } from '../../platform/workers/worker-entry.ts';

export interface CameraStatus {
  id: string;
  tag: string;
  state: 'starting' | 'running' | 'retrying' | 'stopped';
  error: string | null;
  framesAnalysed: number;
  framesDropped: number;
  lastWindowAt: number | null;
}

export interface EmotionStatus {
  state: 'off' | 'starting' | 'ready' | 'failed';
  backend: string | null;
  /** the expression model the workers run (emotion.model) */
  model: string | null;
  error: string | null;
}

function sourceFor(camera: CameraConfig, config: Config): FrameSource {
  const s = camera.source;
  if (s.kind === 'snapshot') return new SnapshotSource({ url: s.url, intervalMs: s.intervalMs });
  if (s.kind === 'folder') return new FolderSource({ path: s.path, fps: s.fps, loop: s.loop });
  return new FfmpegSource({ input: s.input, fps: s.fps, width: config.emotion.width, height: config.emotion.height, realtime: s.realtime });
}

/**
 * The emotion monitor: frames from each camera go, in memory only, to the inference workers;
 * faces are tracked so a person counts once per window; only the counts per window are stored.
 * A camera that fails is retried with backoff; a missing model stops the monitor alone.
 */
export class CameraMonitor {
  readonly status: EmotionStatus = { state: 'off', backend: null, model: null, error: null };
  private readonly cameras = new Map<
    string,
    {
      status: CameraStatus;
      source?: FrameSource;
      retry?: NodeJS.Timeout;
      aggregator: WindowAggregator;
      tracker: Tracker;
      backoffMs: number;
    }
  >();
  private pool: WorkerPool | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly config: Config,
    private readonly deps: {
      windows: EmotionWindowRepo;
      logger: Logger;
      metrics: Metrics;
      onWindow?: (cameraId: string, w: EmotionWindow) => void;
    },
  ) {}

  /** Starts in the background; never throws: failures land in `status` and the log. */
  start(): void {
    if (this.config.cameras.length === 0) return;
    this.status.state = 'starting';
    void this.boot();
  }

  private async boot(): Promise<void> {
    const { emotion } = this.config;
    const { logger } = this.deps;
    try {
      const modelDir = emotion.modelDir ?? packagedModelDir();
      checkModelFiles(modelDir, NETWORKS.detector);
      checkModelFiles(modelDir, NETWORKS.expressions);
      this.pool = await WorkerPool.start({
        workers: emotion.workers,
        entry: workerEntry(import.meta.url, '../../../../models/src/pipeline/inference-worker.dev.mjs', 'inference-worker.mjs'),
        modelDir,
        model: emotion.model,
        onWorkerExit: (code) => logger.warn({ code }, 'an inference worker exited; its frame is lost and a new worker is starting'),
      });
      if (this.stopped) return void (await this.pool.stop());
      this.status.state = 'ready';
      this.status.backend = this.pool.backend;
      this.status.model = this.pool.model;
      logger.info({ backend: this.pool.backend, model: this.pool.model, workers: emotion.workers }, 'emotion monitor ready');
    } catch (error) {
      this.status.state = 'failed';
      this.status.error = (error as Error).message;
      logger.error({ err: error }, 'emotion monitor cannot start; buttons and kiosks carry on');
      return;
    }
    for (const camera of this.config.cameras) this.startCamera(camera);
    this.flushTimer = setInterval(() => {
      for (const c of this.cameras.values()) c.aggregator.rollTo(Date.now());
    }, 1000);
  }

  private startCamera(camera: CameraConfig): void {
    const { emotion } = this.config;
    let entry = this.cameras.get(camera.id);
    if (!entry) {
      entry = {
        status: { id: camera.id, tag: camera.tag, state: 'starting', error: null, framesAnalysed: 0, framesDropped: 0, lastWindowAt: null },
        aggregator: new WindowAggregator(emotion.windowMs, (w) => this.store(camera, w)),
        tracker: new Tracker({ minIou: 0.3, maxGapMs: 3000 }),
        backoffMs: 1000,
      };
      this.cameras.set(camera.id, entry);
    }
    const e = entry;
    const source = sourceFor(camera, this.config);
    e.source = source;
    e.status.state = 'running';
    const labels = { camera: camera.id };
    source.start(
      (frame, at) => {
        const analysed = this.pool?.analyze(frame, { inputSize: emotion.inputSize, scoreThreshold: emotion.scoreThreshold });
        if (!analysed) {
          e.status.framesDropped++;
          this.deps.metrics.cameraFrames.inc({ ...labels, outcome: 'dropped' });
          return;
        }
        analysed
          .then((detections) => {
            e.status.framesAnalysed++;
            e.backoffMs = 1000;
            this.deps.metrics.cameraFrames.inc({ ...labels, outcome: 'analysed' });
            e.aggregator.add(e.tracker.update(detections, at), at);
          })
          .catch((error: Error) => this.deps.logger.warn({ camera: camera.id, err: error }, 'frame not analysed'));
      },
      (error) => {
        if (this.stopped) return;
        e.status.error = error ?? null;
        e.status.state = 'retrying';
        if (error) this.deps.logger.error({ camera: camera.id, error }, 'camera source failed; retrying');
        e.retry = setTimeout(() => this.startCamera(camera), e.backoffMs);
        e.backoffMs = Math.min(60_000, e.backoffMs * 2);
      },
    );
  }

  private store(camera: CameraConfig, w: EmotionWindow): void {
    const record = {
      cameraId: camera.id,
      siteId: camera.siteId,
      pointId: camera.pointId ?? null,
      tag: camera.tag,
      windowStart: w.windowStart,
      windowMs: w.windowMs,
      faces: w.faces,
      ...w.counts,
    };
    if (!this.deps.windows.save(record)) return;
    const entry = this.cameras.get(camera.id);
    if (entry) entry.status.lastWindowAt = w.windowStart;
    this.deps.onWindow?.(camera.id, w);
  }

  cameraStatus(): CameraStatus[] {
    return [...this.cameras.values()].map((c) => ({ ...c.status }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.flushTimer);
    for (const c of this.cameras.values()) {
      clearTimeout(c.retry);
      c.source?.stop();
      c.status.state = 'stopped';
      c.aggregator.flush();
    }
    await this.pool?.stop();
  }
}
