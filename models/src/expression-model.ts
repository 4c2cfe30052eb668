import { EMOTIONS, type Emotion } from './emotions.ts';
import { loadFaceApi, packagedModelDir, tf, type Backend, type FaceApiModule } from './face-api.ts';
import { checkModelFiles, NETWORKS } from './model-files.ts';

/** face-api's expression labels → ours. */
const LABELS: Record<string, Emotion> = {
  neutral: 'neutral',
  happy: 'happy',
  sad: 'sad',
  angry: 'angry',
  fearful: 'fear',
  disgusted: 'disgust',
  surprised: 'surprise',
};

export type Probabilities = Record<Emotion, number>;

/** Pixels of one image: RGB, row-major, 3 bytes per pixel. */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export function topEmotion(p: Probabilities): Emotion {
  return EMOTIONS.reduce((best, e) => (p[e] > p[best] ? e : best), EMOTIONS[0]);
}

/**
 * The expression network (face-api's FaceExpressionNet, weights from the installed package) and
 * the tiny face detector. Nothing is downloaded; a missing file is named in the error.
 */
export class ExpressionModel {
  private constructor(
    readonly faceapi: FaceApiModule,
    readonly backend: Backend,
  ) {}

  static async load(options: { modelDir?: string; detector?: boolean; threads?: number } = {}): Promise<ExpressionModel> {
    const dir = options.modelDir ?? packagedModelDir();
    checkModelFiles(dir, NETWORKS.expressions);
    if (options.detector !== false) checkModelFiles(dir, NETWORKS.detector);
    const { faceapi, backend } = await loadFaceApi({ threads: options.threads ?? 1 });
    if (!faceapi.nets.faceExpressionNet.isLoaded) await faceapi.nets.faceExpressionNet.loadFromDisk(dir);
    if (options.detector !== false && !faceapi.nets.tinyFaceDetector.isLoaded) await faceapi.nets.tinyFaceDetector.loadFromDisk(dir);
    return new ExpressionModel(faceapi, backend);
  }

  /**
   * Classifies one face crop (any size; the network pads it square and resizes it): the
   * probabilities for the crop averaged with those for its mirror image, run as one batch of two.
   */
  async classify(face: RgbImage): Promise<Probabilities> {
    const { nets } = this.faceapi;
    const t = tf();
    const tensor = t.tensor3d(face.data, [face.height, face.width, 3], 'int32');
    const mirrored = t.reverse(tensor, 1);
    try {
      const results = (await nets.faceExpressionNet.predictExpressions([tensor, mirrored] as never)) as unknown as Record<string, number>[];
      const p = Object.fromEntries(EMOTIONS.map((e) => [e, 0])) as Probabilities;
      for (const result of results)
        for (const [label, value] of Object.entries(result)) if (LABELS[label]) p[LABELS[label]] += value / results.length;
      return p;
    } finally {
      tensor.dispose();
      mirrored.dispose();
    }
  }
}
