import { EMOTIONS } from './emotions.ts';
import { ExpressionModel, type Probabilities, type RgbImage } from './expression-model.ts';
import { MiniXception } from './mini-xception.ts';
import type { Backend } from './face-api.ts';
import { mirror } from './image-ops.ts';

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
 * The ensemble: a weighted average of the two networks' probabilities, each fed the crop and
 * colour it was trained on, and each averaged over the crop and its mirror image. The weights
 * were chosen on ../shared/datasets/fer2013-public only (the PublicTest half of FER2013) by a grid
 * over 0, 0.1 … 1, for the best balanced accuracy (0.6 also ties for the best top-1 within 0.2
 * points, and leans less on the network trained on FER2013's own rows); README lists the figures.
 */
export const ENSEMBLE_WEIGHTS = { miniXception: 0.6, faceExpressionNet: 0.4 } as const;

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
    const mirrored = mirror(face);
    const x = [await this.xception.classify(face), await this.xception.classify(mirrored)];
    const f = [await this.faceNet.classify(face), await this.faceNet.classify(mirrored)];
    const w = ENSEMBLE_WEIGHTS;
    return Object.fromEntries(EMOTIONS.map((e) => [e, (w.miniXception * (x[0]![e] + x[1]![e]) + w.faceExpressionNet * (f[0]![e] + f[1]![e])) / 2])) as Probabilities;
  }
}

/** Loads the chosen model from the installed packages (nothing is downloaded). */
export async function loadClassifier(
  choice: ModelChoice,
  options: { faceApiModelDir?: string | undefined; humanModelDir?: string | undefined; threads?: number; faceNet?: ExpressionModel } = {},
): Promise<ExpressionClassifier> {
  const threads = options.threads ?? 1;
  const faceNet = () => options.faceNet ?? ExpressionModel.load({ ...(options.faceApiModelDir ? { modelDir: options.faceApiModelDir } : {}), detector: false, threads });
  const xception = () => MiniXception.load({ ...(options.humanModelDir ? { modelDir: options.humanModelDir } : {}), threads });
  if (choice === 'faceExpressionNet') return new Named(choice, await faceNet());
  if (choice === 'miniXception') return new Named(choice, await xception());
  return new Ensemble(await xception(), await faceNet());
}
