import { EMOTIONS, type Emotion } from '../emotions.ts';
import { ExpressionModel, topEmotion } from '../expression-model.ts';
import { decodeJpeg, readDataset } from './dataset.ts';

export interface EvaluationReport {
  backend: string;
  images: number;
  /** top-1 accuracy, 0..1 */
  accuracy: number;
  /** recall per class, 0..1 (null for classes with no images) */
  perClass: Record<Emotion, number | null>;
  /** confusion[actual][predicted] */
  confusion: Record<Emotion, Record<Emotion, number>>;
  /** classifier time per face (decoding excluded), ms */
  msPerFace: number;
  skippedFolders: string[];
  skippedFiles: number;
}

/** Evaluates the expression classifier on a folder-per-label set of face crops. */
export async function evaluateFolder(
  root: string,
  options: { limit?: number | undefined; onProgress?: (done: number, total: number) => void; model?: ExpressionModel } = {},
): Promise<EvaluationReport> {
  const dataset = readDataset(root);
  const images = options.limit ? spread(dataset.images, options.limit) : dataset.images;
  const model = options.model ?? (await ExpressionModel.load({ detector: false }));
  const confusion = Object.fromEntries(EMOTIONS.map((a) => [a, Object.fromEntries(EMOTIONS.map((p) => [p, 0]))])) as EvaluationReport['confusion'];
  let correct = 0;
  let inferenceMs = 0;
  for (const [i, { file, label }] of images.entries()) {
    const image = decodeJpeg(file);
    const t0 = performance.now();
    const predicted = topEmotion(await model.classify(image));
    inferenceMs += performance.now() - t0;
    confusion[label][predicted]++;
    if (predicted === label) correct++;
    if ((i + 1) % 200 === 0 || i + 1 === images.length) options.onProgress?.(i + 1, images.length);
  }
  const perClass = Object.fromEntries(
    EMOTIONS.map((e) => {
      const total = EMOTIONS.reduce((n, p) => n + confusion[e][p], 0);
      return [e, total ? confusion[e][e] / total : null];
    }),
  ) as EvaluationReport['perClass'];
  return {
    backend: model.backend,
    images: images.length,
    accuracy: correct / images.length,
    perClass,
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
