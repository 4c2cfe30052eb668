import { polarity as halfOf } from '../../core/scale.ts';

/** What a response needs to know of one of its answers. */
export interface ResponseAnswer {
  siteId: string;
  pointId: string;
  deviceId: string;
  staffId: string | null;
  surveyId: string | null;
  questionId: string | null;
  scale: string;
  /** null: skipped */
  value: number | null;
  occurredAt: number;
  misuse: boolean;
  /** the answer to its survey's headline question (or a press) */
  headline: boolean;
  source: string;
}

/** One response as its answers so far make it (METRICS.md, "Responses" and "Precise readings"): a `responses` row. */
export interface ResponseState {
  key: string;
  siteId: string;
  pointId: string;
  deviceId: string;
  staffId: string | null;
  surveyId: string | null;
  source: string;
  /** its earliest answer's time: it counts where it began */
  occurredAt: number;
  /** at least one of its answers counts (not misuse, not skipped) */
  counted: boolean;
  /** by its counted headline answer: -1 negative, 1 positive, 0 neither (none, skipped, misuse, middle) */
  polarity: -1 | 0 | 1;
  /** it has misuse answers and none counts (only while not counted: a counted response is never misuse) */
  misuse: boolean;
  /** the ids of its counted questions, sorted */
  questions: readonly string[];
}

/** Whether an answer counts: neither misuse nor skipped. */
export function answerCounts(a: Pick<ResponseAnswer, 'misuse' | 'value'>): boolean {
  return !a.misuse && a.value !== null;
}

/**
 * The response after one more of its answers, whatever order they arrive in: the earliest answer
 * gives its time and place; counted, polarity, misuse and questions do not depend on the order.
 * Call once per answer (a duplicate must not be folded twice).
 */
export function withAnswer(state: ResponseState | undefined, key: string, a: ResponseAnswer): ResponseState {
  const counts = answerCounts(a);
  const earliest = state === undefined || a.occurredAt < state.occurredAt;
  const place = earliest
    ? {
        siteId: a.siteId,
        pointId: a.pointId,
        deviceId: a.deviceId,
        staffId: a.staffId,
        surveyId: a.surveyId,
        source: a.source,
        occurredAt: a.occurredAt,
      }
    : state;
  const counted = (state?.counted ?? false) || counts;
  const questions = state?.questions ?? [];
  return {
    key,
    siteId: place.siteId,
    pointId: place.pointId,
    deviceId: place.deviceId,
    staffId: place.staffId,
    surveyId: place.surveyId,
    source: place.source,
    occurredAt: place.occurredAt,
    counted,
    polarity: counts && a.headline ? polaritySign(a.scale, a.value!) : (state?.polarity ?? 0),
    misuse: !counted && ((state?.misuse ?? false) || a.misuse),
    questions: counts && a.questionId !== null && !questions.includes(a.questionId) ? [...questions, a.questionId].sort() : questions,
  };
}

function polaritySign(scale: string, value: number): -1 | 0 | 1 {
  const half = halfOf(scale, value);
  return half === 'negative' ? -1 : half === 'positive' ? 1 : 0;
}

/** One response rollup row's worth of a response: its question ('' = the response itself) and counts. */
export interface ResponseContribution {
  questionId: string;
  responses: number;
  negative: number;
  positive: number;
  misuse: number;
}

/**
 * What a response adds to the response rollups: a counted one, 1 response ('' row and a row per
 * counted question, each with its polarity); a misuse one, 1 misuse ('' row); anything else nothing.
 */
export function responseContributions(state: ResponseState): ResponseContribution[] {
  if (state.counted) {
    const negative = state.polarity < 0 ? 1 : 0;
    const positive = state.polarity > 0 ? 1 : 0;
    return ['', ...state.questions].map((questionId) => ({ questionId, responses: 1, negative, positive, misuse: 0 }));
  }
  if (state.misuse) return [{ questionId: '', responses: 0, negative: 0, positive: 0, misuse: 1 }];
  return [];
}
