import { ExpressionModel, type Probabilities, type RgbImage } from '../expression-model.ts';
import { EMOTIONS } from '../emotions.ts';
import { tf } from '../face-api.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One face found on a frame: where, how sure, and its expression probabilities. Nothing else. */
export interface Detection {
  box: Box;
  score: number;
  expressions: Probabilities;
}

export interface DetectorOptions {
  /** tiny face detector input size: a multiple of 32; larger finds smaller faces, slower */
  inputSize: number;
  scoreThreshold: number;
}

const LABELS: Record<string, keyof Probabilities> = { neutral: 'neutral', happy: 'happy', sad: 'sad', angry: 'angry', fearful: 'fear', disgusted: 'disgust', surprised: 'surprise' };

/** Faces and expressions on one frame. The frame is only ever a tensor in memory. */
export class FrameAnalyzer {
  private constructor(private readonly model: ExpressionModel) {}

  static async create(options: { modelDir?: string; threads?: number } = {}): Promise<FrameAnalyzer> {
    return new FrameAnalyzer(await ExpressionModel.load({ ...options, detector: true }));
  }

  get backend(): string {
    return this.model.backend;
  }

  async analyze(frame: RgbImage, options: DetectorOptions): Promise<Detection[]> {
    const { faceapi } = this.model;
    const tensor = tf().tensor3d(frame.data, [frame.height, frame.width, 3], 'int32');
    try {
      const results = await faceapi.detectAllFaces(tensor as never, new faceapi.TinyFaceDetectorOptions(options)).withFaceExpressions();
      return results.map((r) => {
        const expressions = Object.fromEntries(EMOTIONS.map((e) => [e, 0])) as Probabilities;
        for (const [label, value] of Object.entries(r.expressions as unknown as Record<string, number>)) if (LABELS[label]) expressions[LABELS[label]] = value;
        const { x, y, width, height } = r.detection.box;
        return { box: { x, y, width, height }, score: r.detection.score, expressions };
      });
    } finally {
      tensor.dispose();
    }
  }
}
