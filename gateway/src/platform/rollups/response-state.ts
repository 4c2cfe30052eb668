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
  /** its earliest answer's staff member (where it began); the staff filter reads `staff` */
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
  /** who was on shift at its counted and misuse answers, by staff id ('' = no one), sorted */
  staff: readonly StaffPart[];
}

/**
 * One staff member's part in a response (METRICS.md "Precise readings": a staff filter chooses a
 * response when one of its counted answers was given on that person's shift). A person on shift at
 * only skipped answers of it has no part.
 */
export interface StaffPart {
  /** '' = no one on shift */
  staffId: string;
  /** at least one of the response's answers on their shift counts; otherwise all of theirs are misuse */
  counted: boolean;
  /** the ids of the questions counted on their shift, sorted */
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
    questions: counts ? withQuestion(questions, a.questionId) : questions,
    staff: counts || a.misuse ? withStaffAnswer(state?.staff ?? [], a.staffId ?? '', counts, a.questionId) : (state?.staff ?? []),
  };
}

function withQuestion(questions: readonly string[], questionId: string | null): readonly string[] {
  return questionId !== null && !questions.includes(questionId) ? [...questions, questionId].sort() : questions;
}

/** The staff parts after one more counted or misuse answer given on `staffId`'s shift. */
function withStaffAnswer(staff: readonly StaffPart[], staffId: string, counts: boolean, questionId: string | null): StaffPart[] {
  const old = staff.find((p) => p.staffId === staffId);
  const part: StaffPart = {
    staffId,
    counted: (old?.counted ?? false) || counts,
    questions: counts ? withQuestion(old?.questions ?? [], questionId) : (old?.questions ?? []),
  };
  return [...staff.filter((p) => p.staffId !== staffId), part].sort((a, b) => (a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0));
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

/** One staff-keyed response rollup row's worth of a response. */
export interface StaffContribution extends ResponseContribution {
  staffId: string;
}

/**
 * What a response adds to the staff-keyed response rollups: the rows of `responseContributions`
 * once for each person it belongs to. A counted response belongs to everyone with a counted answer
 * in it ('' row, and a row per question counted on their shift); a misuse one, to everyone with a
 * misuse answer in it. So a staff filter counts a response once per person, never by the shift of
 * a skipped answer; summed over people a response may count more than once (the unfiltered
 * figures read the other rollups).
 */
export function staffContributions(state: ResponseState): StaffContribution[] {
  const negative = state.counted && state.polarity < 0 ? 1 : 0;
  const positive = state.counted && state.polarity > 0 ? 1 : 0;
  const out: StaffContribution[] = [];
  for (const part of state.staff) {
    if (state.counted && part.counted)
      for (const questionId of ['', ...part.questions])
        out.push({ staffId: part.staffId, questionId, responses: 1, negative, positive, misuse: 0 });
    else if (state.misuse) out.push({ staffId: part.staffId, questionId: '', responses: 0, negative: 0, positive: 0, misuse: 1 });
  }
  return out;
}
