import { scaleRange } from '../../core/scale.ts';
import type { AnswerSource } from '../../core/answer.ts';
import type { Delivery } from '../../core/device-inbox.ts';
import type { SurveyConfig } from '../../platform/config/schema.ts';

/**
 * Where a survey answer was given, once its door has checked who sent it: a terminal (its
 * registered device and that device's survey) or a phone (its code's point and that point's survey).
 */
export interface SurveyChannel {
  deviceId: string;
  boot: number;
  siteId: string;
  pointId: string;
  survey: SurveyConfig;
  /** a run starting within this long after the channel's last counted one is misuse (0: never) */
  responseIntervalMs: number;
  source: AnswerSource;
}

/** One answer of a survey run, as its channel gives it. */
export interface SurveyAnswer {
  seq: number;
  questionNumber: number;
  value: number | null;
  /** when it was given; asked only of an answer that fits its question (a terminal's clock learns from it) */
  dated: () => number;
  receivedAt: number;
  /** how long the question was on screen before this answer (too short to read: misuse) */
  readMs?: number | undefined;
  /** the seq of the run's first answer: the run is held to the channel's response interval */
  run?: number | undefined;
}

/** Ingest's door for survey answers from a channel that is not a registered device (a phone). */
export interface SurveyIntake {
  surveyAnswer(channel: SurveyChannel, answer: SurveyAnswer): Promise<Delivery>;
}

export type SurveyAnswerProblem = 'unknown-question' | 'unsupported-scale' | 'bad-value';

/** Why an answer does not fit its survey, or undefined: the one check every channel's survey answers pass. */
export function surveyAnswerProblem(survey: SurveyConfig, questionNumber: number, value: number | null): SurveyAnswerProblem | undefined {
  const question = survey.questions.find((q) => q.number === questionNumber);
  if (!question) return 'unknown-question';
  const range = scaleRange(question.scale);
  if (!range) return 'unsupported-scale';
  if (value !== null && (value < range.min || value > range.max)) return 'bad-value';
  return undefined;
}
