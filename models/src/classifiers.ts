import { EMOTIONS } from './emotions.ts';
import { ExpressionModel, type Probabilities, type RgbImage } from './expression-model.ts';
import { MiniXception } from './mini-xception.ts';
import type { Backend } from './face-api.ts';

/** The expression models the monitor and the evaluation can use. */
export const MODEL_CHOICES = ['faceExpressionNet', 'miniXception', 'ensemble'] as const;
export type ModelChoice = (typeof MODEL_CHOICES)[number];

/** One face crop in, seven probabilities out: what every expression model (or mix of them) is to the pipeline. */
export interface ExpressionClassifier {
  readonly name: ModelChoice;
  readonly backend: Backend;
  classify(face: RgbImage): Promise<Probabilities>;
}

/**
 * The ensemble, chosen on ../shared/datasets/fer2013-public only (the PublicTest half of FER2013),
 * for the best balanced accuracy over a grid (weights 0, 0.1 … 1; confidence 0.8 … 0.99 or never):
 * when FaceExpressionNet gives one expression at least `confident` probability, its answer stands;
 * otherwise the two networks' probabilities are averaged with `weights`. FaceExpressionNet is
 * the surer and the more often right of the two when it is that sure (82% against 80% on the
 * public half), and it holds on posed expressions where the mini-Xception, trained on FER2013's
 * rows alone, reads disgust as anger; the average is better wherever neither is sure. Each network
 * is fed the crop and colour it was trained on, and averages the crop with its mirror image.
 * README lists the figures.
 */
export const ENSEMBLE = { weights: { miniXception: 0.6, faceExpressionNet: 0.4 }, confident: 0.95 } as const;

class Named implements ExpressionClassifier {
  constructor(
    readonly name: ModelChoice,
    private readonly model: { backend: Backend; classify(face: RgbImage): Promise<Probabilities> },
  ) {}

  get backend(): Backend {
    return this.model.backend;
  }

  classify(face: RgbImage): Promise<Probabilities> {
    return this.model.classify(face);
  }
}

class Ensemble implements ExpressionClassifier {
  readonly name = 'ensemble';

  constructor(
    private readonly xception: MiniXception,
    private readonly faceNet: ExpressionModel,
  ) {}

  get backend(): Backend {
    return this.xception.backend;
  }

  async classify(face: RgbImage): Promise<Probabilities> {
    const f = await this.faceNet.classify(face);
    if (Math.max(...EMOTIONS.map((e) => f[e])) >= ENSEMBLE.confident) return f;
    const x = await this.xception.classify(face);
    const w = ENSEMBLE.weights;
    return Object.fromEntries(EMOTIONS.map((e) => [e, w.miniXception * x[e] + w.faceExpressionNet * f[e]])) as Probabilities;
  }
}

/** Loads the chosen model from the installed packages (nothing is downloaded). */
export async function loadClassifier(
  choice: ModelChoice,
  options: { faceApiModelDir?: string | undefined; humanModelDir?: string | undefined; threads?: number; faceNet?: ExpressionModel } = {},
): Promise<ExpressionClassifier> {
  const threads = options.threads ?? 1;
  const faceNet = () =>
    options.faceNet ??
    ExpressionModel.load({ ...(options.faceApiModelDir ? { modelDir: options.faceApiModelDir } : {}), detector: false, threads });
  const xception = () => MiniXception.load({ ...(options.humanModelDir ? { modelDir: options.humanModelDir } : {}), threads });
  if (choice === 'faceExpressionNet') return new Named(choice, await faceNet());
  if (choice === 'miniXception') return new Named(choice, await xception());
  return new Ensemble(await xception(), await faceNet());
}
