import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  FrameAnalyzer,
  loadFaceApi,
  MODEL_CHOICES,
  packagedModelDir,
  tf as tfjs,
  Tracker,
  WindowAggregator,
  WorkerPool,
  type RgbImage,
} from '@feedback/models';
import { samplePhotos, sampleVideo } from '../helpers/sample-video.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { REPO_ROOT, spawnGateway, waitForBanner } from '../helpers/gateway-process.ts';
import { validateConfig } from '../../gateway/src/platform/config/load.ts';

const WIDTH = 640;
const HEIGHT = 480;
/** The gateway's default detector settings, so the frame rates and the RSS below are for the same work. */
const { inputSize, scoreThreshold, model: MODEL } = validateConfig({}).emotion;
const OPTIONS = { inputSize, scoreThreshold };

/** A sample photo (optionally cropped first) as one 640×480 RGB frame, scaled and padded by ffmpeg. */
function frameOf(photo: string, crop?: string): RgbImage {
  const data = execFileSync(
    'ffmpeg',
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-i',
      photo,
      '-vf',
      `${crop ? `crop=${crop},` : ''}scale=${WIDTH}:${HEIGHT}:force_original_aspect_ratio=decrease,pad=${WIDTH}:${HEIGHT}:(ow-iw)/2:(oh-ih)/2`,
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      'pipe:1',
    ],
    { maxBuffer: 10 * 2 ** 20 },
  );
  return { width: WIDTH, height: HEIGHT, data: new Uint8Array(data) };
}

async function fps(seconds: number, concurrency: number, once: () => Promise<unknown>): Promise<number> {
  let frames = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await once();
        frames++;
      }
    }),
  );
  return Math.round((frames / seconds) * 10) / 10;
}

export async function emotionBench(log: (line: string) => void): Promise<Record<string, unknown>> {
  const photos = samplePhotos();
  // sample2 has one face (at 1403,174); cropped around it, so the frame holds exactly one.
  const frames = { oneFace: frameOf(photos[1]!, '960:720:960:0'), threeFaces: frameOf(photos[0]!) };
  const seconds = 4;

  log('memory one inference worker adds, per expression model (a process each)');
  const framesDir = tempDir('fb-bench-frame-');
  const memoryPerWorkerMb: Record<string, number> = {};
  try {
    const framePath = join(framesDir.path, 'three-faces.rgb');
    writeFileSync(framePath, frames.threeFaces.data);
    for (const model of MODEL_CHOICES) {
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', join(REPO_ROOT, 'test', 'bench', 'worker-memory.ts'), model, framePath],
        { cwd: REPO_ROOT },
      ).toString();
      memoryPerWorkerMb[model] = (JSON.parse(out.trim().split('\n').at(-1)!) as { workerMb: number }).workerMb;
    }
  } finally {
    framesDir.remove();
  }

  const { faceapi, backend } = await loadFaceApi({ threads: 1 });
  const dir = packagedModelDir();
  await faceapi.nets.tinyFaceDetector.loadFromDisk(dir);
  await faceapi.nets.faceExpressionNet.loadFromDisk(dir);
  const tf = tfjs();
  const raw = async (frame: RgbImage) => {
    const tensor = tf.tensor3d(frame.data, [frame.height, frame.width, 3], 'int32');
    try {
      return await faceapi.detectAllFaces(tensor as never, new faceapi.TinyFaceDetectorOptions(OPTIONS)).withFaceExpressions();
    } finally {
      tensor.dispose();
    }
  };
  const found = { oneFace: (await raw(frames.oneFace)).length, threeFaces: (await raw(frames.threeFaces)).length };
  // The baseline: the same model calls the workers make (detector, crops, the configured
  // classifier), in this thread, without the worker, the transfer, the tracker or the windows.
  const analyzer = await FrameAnalyzer.create({ model: MODEL, threads: 1 });
  const modelCalls = (frame: RgbImage) => analyzer.analyze(frame, OPTIONS);

  const pipeline = async (workers: number) => {
    const pool = await WorkerPool.start({ workers, entry: join(REPO_ROOT, 'gateway', 'dist', 'inference-worker.mjs'), model: MODEL });
    const tracker = new Tracker();
    const windows = new WindowAggregator(60_000, () => undefined);
    /** One frame through the pool, the tracker and the windows; says how long the tracker and windows took. */
    const through = async (frame: RgbImage): Promise<number> => {
      let job = pool.analyze(frame, OPTIONS);
      while (!job) {
        await new Promise((r) => setImmediate(r));
        job = pool.analyze(frame, OPTIONS);
      }
      const detections = await job;
      const t0 = performance.now();
      windows.add(tracker.update(detections, Date.now()), Date.now());
      return performance.now() - t0;
    };
    return { pool, through };
  };

  const faceApiAlone = {
    oneFace: await fps(seconds, 1, () => raw(frames.oneFace)),
    threeFaces: await fps(seconds, 1, () => raw(frames.threeFaces)),
  };

  // Where a frame's time goes in the pipeline. The worker times its own model calls (detector,
  // crops, the configured classifier), so the overhead is what the pipeline adds around them in
  // the same thread: the transfer both ways, the tracker and the windows; the median of the frames'
  // ratios, which one slow frame cannot move. The same calls made on this thread, frame by frame in
  // turn, are shown beside: on these shared 2-vCPU machines one thread ran them 14% faster in one
  // run and 38% slower in the next: the same code, so not the pipeline's doing (the guest reports
  // no steal time, so the cause cannot be seen from inside).
  log(`pipeline with one worker: the ${MODEL} model calls inside it against the whole round trip, and the same calls on this thread`);
  const one1 = await pipeline(1);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
  const alternate = async (frame: RgbImage) => {
    const mainThread: number[] = [];
    const inWorker: number[] = [];
    const ratio: number[] = [];
    const messaging: number[] = [];
    const tracking: number[] = [];
    for (const end = performance.now() + 2 * seconds * 1000; performance.now() < end;) {
      const t0 = performance.now();
      await modelCalls(frame);
      const t1 = performance.now();
      const analysed = one1.pool.analysisMs;
      const tracked = await one1.through(frame);
      const roundTrip = performance.now() - t1;
      const inside = one1.pool.analysisMs - analysed;
      mainThread.push(t1 - t0);
      inWorker.push(inside);
      ratio.push(roundTrip / inside);
      messaging.push(roundTrip - tracked - inside);
      tracking.push(tracked);
    }
    return {
      frames: ratio.length,
      overheadPercent: round(100 * (median(ratio) - 1)),
      modelCallsInWorkerMs: round(median(inWorker)),
      addedMs: { messaging: round(median(messaging), 2), trackerAndWindows: round(median(tracking), 3) },
      sameCallsOnMainThreadMs: round(median(mainThread)),
    };
  };
  const alternated = { oneFace: await alternate(frames.oneFace), threeFaces: await alternate(frames.threeFaces) };
  await one1.pool.stop();

  log('pipeline: two workers');
  const two2 = await pipeline(2);
  const two = {
    oneFace: await fps(2 * seconds, 2, () => two2.through(frames.oneFace)),
    threeFaces: await fps(2 * seconds, 2, () => two2.through(frames.threeFaces)),
  };
  await two2.pool.stop();

  log('gateway RSS with the models loaded: two workers on a camera for 20 s');
  const media = tempDir('fb-bench-media-');
  const data = tempDir('fb-bench-emotion-');
  const rss = { steady: 0, peak: NaN };
  try {
    const video = sampleVideo(media.path, 2, 10);
    const gateway = spawnGateway(
      data.path,
      {
        dataDir: data.path,
        http: { host: '127.0.0.1', port: 0 },
        mqtt: { embedded: { host: '127.0.0.1', port: 0 } },
        log: { level: 'error' },
        demo: { mode: 'off' },
        sites: [{ id: 'bench', name: 'Bench', timeZone: 'UTC' }],
        cameras: [{ id: 'cam', siteId: 'bench', tag: 'exit', source: { kind: 'ffmpeg', input: resolve(video), fps: 15, realtime: false } }],
        emotion: { workers: 2, windowMs: 5000 },
      },
      { production: true },
    );
    await waitForBanner(gateway);
    // Sampled every half second for 20 s: the peak (VmHWM) includes the weekly report the new
    // store makes 5 s after start, drawn by a thread that ends when done; the steady figure is the
    // most the gateway held in the last 10 s, cameras and both workers running.
    const status = () => readFileSync(`/proc/${gateway.child.pid}/status`, 'utf8');
    const mb = (field: string) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status())?.[1]) / 1024);
    for (let i = 0; i < 40; i++) {
      await new Promise((r) => setTimeout(r, 500));
      if (i >= 20) rss.steady = Math.max(rss.steady, mb('VmRSS'));
    }
    rss.peak = mb('VmHWM');
    gateway.child.kill('SIGTERM');
    await gateway.exited;
  } finally {
    media.remove();
    data.remove();
  }

  return {
    backend,
    model: MODEL,
    frame: `${WIDTH}x${HEIGHT}`,
    detector: OPTIONS,
    facesFound: found,
    faceApiDetectorAndExpressionNetFps: faceApiAlone,
    memoryPerWorkerMb,
    pipelineOverhead: {
      ...alternated,
      target: 15,
      meetsTarget: alternated.oneFace.overheadPercent <= 15 && alternated.threeFaces.overheadPercent <= 15,
    },
    pipelineFpsTwoWorkers: { ...two, target: 10, meetsTarget: two.oneFace >= 10 },
    gatewayRssMb: { steadyTwoWorkers: rss.steady, peakWithWeeklyReport: rss.peak, target: 400, meetsTarget: rss.steady <= 400 },
  };
}
