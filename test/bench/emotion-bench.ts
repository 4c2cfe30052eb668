import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FrameAnalyzer, loadFaceApi, packagedModelDir, tf as tfjs, Tracker, WindowAggregator, WorkerPool, type RgbImage } from '@feedback/models';
import { samplePhotos, sampleVideo } from '../helpers/sample-video.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { REPO_ROOT, spawnGateway, waitForBanner } from '../helpers/gateway-process.ts';
import { validateConfig } from '../../gateway/src/config/load.ts';

const WIDTH = 640;
const HEIGHT = 480;
/** The gateway's default detector settings, so the frame rates and the RSS below are for the same work. */
const { inputSize, scoreThreshold, model: MODEL } = validateConfig({}).emotion;
const OPTIONS = { inputSize, scoreThreshold };

/** A sample photo (optionally cropped first) as one 640×480 RGB frame, scaled and padded by ffmpeg. */
function frameOf(photo: string, crop?: string): RgbImage {
  const data = execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', photo, '-vf', `${crop ? `crop=${crop},` : ''}scale=${WIDTH}:${HEIGHT}:force_original_aspect_ratio=decrease,pad=${WIDTH}:${HEIGHT}:(ow-iw)/2:(oh-ih)/2`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], { maxBuffer: 10 * 2 ** 20 });
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
    const through = async (frame: RgbImage) => {
      let job = pool.analyze(frame, OPTIONS);
      while (!job) {
        await new Promise((r) => setImmediate(r));
        job = pool.analyze(frame, OPTIONS);
      }
      const detections = await job;
      windows.add(tracker.update(detections, Date.now()), Date.now());
    };
    return { pool, through };
  };

  const faceApiAlone = { oneFace: await fps(seconds, 1, () => raw(frames.oneFace)), threeFaces: await fps(seconds, 1, () => raw(frames.threeFaces)) };

  // The baseline and one worker take turns frame by frame, each timed on its own, so a noisy
  // neighbour on these shared machines (rounds seconds apart differed by 40%) hits both alike.
  log(`baseline (the ${MODEL} model calls, this thread) and the pipeline with one worker, alternating frame by frame`);
  const one1 = await pipeline(1);
  const alternate = async (frame: RgbImage) => {
    const spent = { raw: 0, pipeline: 0 };
    let frames = 0;
    for (const end = performance.now() + 2 * seconds * 1000; performance.now() < end; frames++) {
      const t0 = performance.now();
      await modelCalls(frame);
      const t1 = performance.now();
      await one1.through(frame);
      spent.raw += t1 - t0;
      spent.pipeline += performance.now() - t1;
    }
    const rate = (ms: number) => Math.round((frames / (ms / 1000)) * 10) / 10;
    return { raw: rate(spent.raw), pipeline: rate(spent.pipeline) };
  };
  const alternated = { oneFace: await alternate(frames.oneFace), threeFaces: await alternate(frames.threeFaces) };
  await one1.pool.stop();
  const baseline = { oneFace: alternated.oneFace.raw, threeFaces: alternated.threeFaces.raw };
  const one = { oneFace: alternated.oneFace.pipeline, threeFaces: alternated.threeFaces.pipeline };

  log('pipeline: two workers');
  const two2 = await pipeline(2);
  const two = { oneFace: await fps(2 * seconds, 2, () => two2.through(frames.oneFace)), threeFaces: await fps(2 * seconds, 2, () => two2.through(frames.threeFaces)) };
  await two2.pool.stop();
  const overhead = (b: number, p: number) => Math.round(1000 * (b / p - 1)) / 10;

  log('gateway RSS with the models loaded: two workers on a camera for 20 s');
  const media = tempDir('fb-bench-media-');
  const data = tempDir('fb-bench-emotion-');
  let rssMb = NaN;
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
    await new Promise((r) => setTimeout(r, 20_000));
    rssMb = Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${gateway.child.pid}/status`, 'utf8'))?.[1]) / 1024);
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
    modelCallsFps: baseline,
    pipelineFpsOneWorker: one,
    pipelineOverheadPercent: { oneFace: overhead(baseline.oneFace, one.oneFace), threeFaces: overhead(baseline.threeFaces, one.threeFaces), target: 15 },
    pipelineFpsTwoWorkers: { ...two, target: 10, meetsTarget: two.oneFace >= 10 },
    gatewayPeakRssMb: { value: rssMb, target: 400, meetsTarget: rssMb <= 400 },
  };
}
