import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { GraphModel } from '@tensorflow/tfjs';
import { EMOTIONS, type Emotion } from './emotions.ts';
import { loadFaceApi, tf, type Backend } from './face-api.ts';
import { ModelFileError } from './model-files.ts';
import type { Probabilities, RgbImage } from './expression-model.ts';

const require = createRequire(import.meta.url);

/** The network's output order (oarriaga's face_classification, as packaged by @vladmandic/human). */
const OUTPUTS: Emotion[] = ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'];
const INPUT = 64;

/** The folder of @vladmandic/human's model files (emotion.json and emotion.bin). */
export function humanModelDir(): string {
  // the package exports no package.json: its node entry (not loaded here) lies in dist/
  return join(dirname(require.resolve('@vladmandic/human')), '..', 'models');
}

/**
 * The mini-Xception expression network (Arriaga et al., trained on FER2013's training rows), from
 * the files inside the installed @vladmandic/human package: 64×64 greyscale in, 7 probabilities
 * out. Fed as it was trained: the crop resized bilinearly, ITU-R 601 luma, scaled to −1..1; each
 * crop is classified together with its mirror image and the two are averaged.
 */
export class MiniXception {
  readonly name = 'miniXception';

  private constructor(
    private readonly model: GraphModel,
    readonly backend: Backend,
  ) {}

  static async load(options: { modelDir?: string; threads?: number } = {}): Promise<MiniXception> {
    const dir = options.modelDir ?? humanModelDir();
    const manifest = join(dir, 'emotion.json');
    let artifacts: { modelTopology: unknown; weightsManifest: { paths: string[]; weights: unknown[] }[] };
    try {
      artifacts = JSON.parse(readFileSync(manifest, 'utf8')) as typeof artifacts;
    } catch (error) {
      throw new ModelFileError(`Model file missing or unreadable: ${manifest} (the miniXception network): ${(error as Error).message}`);
    }
    const weights = artifacts.weightsManifest.flatMap((g) =>
      g.paths.map((p) => {
        try {
          return readFileSync(join(dir, p));
        } catch {
          throw new ModelFileError(`Model file missing: ${join(dir, p)} (listed in ${manifest})`);
        }
      }),
    );
    const { backend } = await loadFaceApi({ threads: options.threads ?? 1 });
    const all = Buffer.concat(weights);
    const model = await tf().loadGraphModel(
      tf().io.fromMemory({
        modelTopology: artifacts.modelTopology as never,
        weightSpecs: artifacts.weightsManifest.flatMap((g) => g.weights) as never,
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
      }),
    );
    return new MiniXception(model, backend);
  }

  /** The probabilities for the crop, averaged with those for its mirror image (one batch of two). */
  async classify(face: RgbImage): Promise<Probabilities> {
    const t = tf();
    const output = t.tidy(() => {
      const image = t.tensor3d(face.data, [face.height, face.width, 3], 'int32').toFloat().div(255);
      const pair = t.stack([image, t.reverse(image, 1)]) as ReturnType<typeof t.tensor4d>;
      const resized = t.image.resizeBilinear(pair, [INPUT, INPUT], false);
      const grey = t.sum(t.mul(resized, t.tensor1d([0.2989, 0.587, 0.114])), 3, true);
      return t.mean(this.model.execute(t.mul(t.sub(grey, 0.5), 2)) as ReturnType<typeof t.tensor2d>, 0);
    });
    try {
      const values = await output.data();
      const p = Object.fromEntries(EMOTIONS.map((e) => [e, 0])) as Probabilities;
      OUTPUTS.forEach((e, i) => (p[e] = values[i]!));
      return p;
    } finally {
      output.dispose();
    }
  }
}
