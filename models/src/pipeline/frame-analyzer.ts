import { ExpressionModel, type Probabilities, type RgbImage } from '../expression-model.ts';
import { loadClassifier, type ExpressionClassifier, type ModelChoice } from '../classifiers.ts';
import { crop } from '../image-ops.ts';
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

/**
 * Faces and expressions on one frame. The frame is only ever pixels in memory. Each face is cut
 * out of the frame at its detector box and handed to the same classifier the evaluation measures
 * (npm run eval:emotion), so the live path is the evaluated one.
 */
export class FrameAnalyzer {
  private constructor(
    private readonly detector: ExpressionModel,
    readonly classifier: ExpressionClassifier,
  ) {}

  static async create(
    options: { modelDir?: string; humanModelDir?: string; model?: ModelChoice; threads?: number } = {},
  ): Promise<FrameAnalyzer> {
    const detector = await ExpressionModel.load({
      ...(options.modelDir ? { modelDir: options.modelDir } : {}),
      threads: options.threads ?? 1,
      detector: true,
    });
    const classifier = await loadClassifier(options.model ?? 'ensemble', {
      faceNet: detector,
      humanModelDir: options.humanModelDir,
      threads: options.threads ?? 1,
    });
    return new FrameAnalyzer(detector, classifier);
  }

  get backend(): string {
    return this.detector.backend;
  }

  /** The faces on a frame, each with the classifier's expression probabilities for its crop. */
  async analyze(frame: RgbImage, options: DetectorOptions): Promise<Detection[]> {
    const { faceapi } = this.detector;
    const tensor = tf().tensor3d(frame.data, [frame.height, frame.width, 3], 'int32');
    let faces: { box: Box; score: number }[];
    try {
      const found = await faceapi.detectAllFaces(tensor as never, new faceapi.TinyFaceDetectorOptions(options));
      faces = found.map((d) => ({ box: { x: d.box.x, y: d.box.y, width: d.box.width, height: d.box.height }, score: d.score }));
    } finally {
      tensor.dispose();
    }
    const detections: Detection[] = [];
    for (const face of faces) detections.push({ ...face, expressions: await this.classifier.classify(crop(frame, face.box)) });
    return detections;
  }
}
