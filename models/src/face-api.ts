import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as FaceApi from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import type * as TfModule from '@tensorflow/tfjs';

const require = createRequire(import.meta.url);

export type FaceApiModule = typeof FaceApi;
/** TensorFlow.js as face-api itself requires it (CommonJS), so both share one instance and one backend; call after loadFaceApi. */
export type Tf = typeof TfModule;
export const tf = (): Tf => require('@tensorflow/tfjs') as Tf;

/**
 * face-api's WASM build requires '@tensorflow/tfjs', whose bundle in turn loads layers, converter,
 * data and the CPU and WebGL backends. The networks here use none but the converter (the
 * mini-Xception is a graph model; core ops, chained tensor methods and tf.io are in tfjs-core and
 * tfjs itself), and each costs every inference thread megabytes of code. In this thread the other
 * four resolve to empty modules before tfjs loads.
 */
const UNUSED_BY_FACE_API = [
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-data',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-webgl',
];

function skipUnusedTfjsPackages(): void {
  const tfjs = require.resolve('@tensorflow/tfjs');
  if (require.cache[tfjs]) return; // already loaded whole in this thread
  const tfjsRequire = createRequire(tfjs);
  for (const name of UNUSED_BY_FACE_API) {
    const path = tfjsRequire.resolve(name);
    const empty = new Module(path);
    empty.filename = path;
    empty.loaded = true;
    require.cache[path] = empty;
  }
}

export type Backend = 'tensorflow' | 'wasm';

let loaded: Promise<{ faceapi: FaceApiModule; backend: Backend }> | undefined;

function tfjsNodeAvailable(): boolean {
  try {
    require('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
}

/**
 * face-api on the fastest backend that loads: @tensorflow/tfjs-node when it installed (it needs
 * libtensorflow, which an offline install cannot fetch), otherwise TensorFlow.js on WASM, whose
 * binary is read from node_modules (never fetched). Loads once per thread.
 */
export function loadFaceApi(options: { threads?: number } = {}): Promise<{ faceapi: FaceApiModule; backend: Backend }> {
  loaded ??= (async () => {
    if (tfjsNodeAvailable()) {
      const faceapi = require('@vladmandic/face-api/dist/face-api.node.js') as FaceApiModule;
      await tf().ready();
      return { faceapi, backend: 'tensorflow' as const };
    }
    skipUnusedTfjsPackages();
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApiModule;
    const wasm = require('@tensorflow/tfjs-backend-wasm') as {
      setWasmPaths: (prefix: string) => void;
      setThreadsCount?: (n: number) => void;
    };
    wasm.setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);
    if (options.threads) wasm.setThreadsCount?.(options.threads);
    if (!(await tf().setBackend('wasm'))) throw new Error('the TensorFlow.js WASM backend did not start');
    await tf().ready();
    return { faceapi, backend: 'wasm' as const };
  })();
  return loaded;
}

/** The folder of model weights inside the installed face-api package. */
export function packagedModelDir(): string {
  return join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
}
