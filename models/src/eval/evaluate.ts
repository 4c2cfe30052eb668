import { EMOTIONS, type Emotion } from '../emotions.ts';
import { topEmotion } from '../expression-model.ts';
import { loadClassifier, type ExpressionClassifier, type ModelChoice } from '../classifiers.ts';
import { decodeImageFile, readDataset } from './dataset.ts';
import { reframe } from '../image-ops.ts';

export interface EvaluationReport {
  model: ModelChoice;
  backend: string;
  /** how the crops were reframed: +0.2 padded by 20% each side, −0.1 cut by 10% each side */
  reframe: number;
  images: number;
  /** top-1 accuracy, 0..1 */
  accuracy: number;
  /** the mean of the per-class recalls over the classes present, 0..1 (what a rare class weighs) */
  balancedAccuracy: number;
  /** recall per class, 0..1 (null for classes with no images) */
  perClass: Record<Emotion, number | null>;
  /** precision per class, 0..1 (null for classes never predicted) */
  precision: Record<Emotion, number | null>;
  /** confusion[actual][predicted] */
  confusion: Record<Emotion, Record<Emotion, number>>;
  /** classifier time per face (decoding excluded), ms */
  msPerFace: number;
  skippedFolders: string[];
  skippedFiles: number;
}

/** Evaluates an expression model on a folder-per-label set of face crops (JPEG, PNG, BMP, TIFF or GIF, any size, grey or colour). */
export async function evaluateFolder(
  root: string,
  options: {
    limit?: number | undefined;
    onProgress?: (done: number, total: number) => void;
    model?: ModelChoice;
    classifier?: ExpressionClassifier;
    reframe?: number;
  } = {},
): Promise<EvaluationReport> {
  const dataset = readDataset(root);
  const images = options.limit ? spread(dataset.images, options.limit) : dataset.images;
  const classifier = options.classifier ?? (await loadClassifier(options.model ?? 'ensemble'));
  const share = options.reframe ?? 0;
  const confusion = Object.fromEntries(
    EMOTIONS.map((a) => [a, Object.fromEntries(EMOTIONS.map((p) => [p, 0]))]),
  ) as EvaluationReport['confusion'];
  let correct = 0;
  let inferenceMs = 0;
  for (const [i, { file, label }] of images.entries()) {
    const image = reframe(decodeImageFile(file), share);
    const t0 = performance.now();
    const predicted = topEmotion(await classifier.classify(image));
    inferenceMs += performance.now() - t0;
    confusion[label][predicted]++;
    if (predicted === label) correct++;
    if ((i + 1) % 200 === 0 || i + 1 === images.length) options.onProgress?.(i + 1, images.length);
  }
  const ratio = (part: number, whole: number) => (whole ? part / whole : null);
  const perClass = Object.fromEntries(
    EMOTIONS.map((e) => [
      e,
      ratio(
        confusion[e][e],
        EMOTIONS.reduce((n, p) => n + confusion[e][p], 0),
      ),
    ]),
  ) as EvaluationReport['perClass'];
  const precision = Object.fromEntries(
    EMOTIONS.map((e) => [
      e,
      ratio(
        confusion[e][e],
        EMOTIONS.reduce((n, a) => n + confusion[a][e], 0),
      ),
    ]),
  ) as EvaluationReport['precision'];
  const recalls = EMOTIONS.map((e) => perClass[e]).filter((r): r is number => r !== null);
  return {
    model: classifier.name,
    backend: classifier.backend,
    reframe: share,
    images: images.length,
    accuracy: correct / images.length,
    balancedAccuracy: recalls.reduce((a, b) => a + b, 0) / recalls.length,
    perClass,
    precision,
    confusion,
    msPerFace: inferenceMs / images.length,
    skippedFolders: dataset.skippedFolders,
    skippedFiles: dataset.skippedFiles,
  };
}

/** Every k-th item so that a limited run still covers every class in proportion. */
function spread<T>(items: T[], limit: number): T[] {
  if (limit >= items.length) return items;
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)]!);
}
