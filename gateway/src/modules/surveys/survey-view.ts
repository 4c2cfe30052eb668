import type { SurveyConfig } from '../../platform/config/schema.ts';
import { polarity, scaleRange } from '../../core/scale.ts';

/** The survey's follow-up with the values of its question split into halves, so a terminal or a phone need not know the scales' rules. */
function followUpOf(survey: SurveyConfig) {
  const f = survey.followUp;
  const question = f && survey.questions.find((q) => q.number === f.question);
  const range = question && scaleRange(question.scale);
  if (!f || !question || !range) return undefined;
  const values = Array.from({ length: range.max - range.min + 1 }, (_, i) => range.min + i);
  return {
    ...f,
    positiveValues: values.filter((v) => polarity(question.scale, v) === 'positive'),
    negativeValues: values.filter((v) => polarity(question.scale, v) === 'negative'),
  };
}

/** A survey as a terminal or a phone shows it (KioskSurveySchema's survey). */
export function surveyView(survey: SurveyConfig) {
  const followUp = followUpOf(survey);
  return {
    id: survey.id,
    name: survey.name,
    questions: survey.questions.map(({ id, number, scale, label }) => ({ id, number, scale, label })),
    ...(followUp ? { followUp } : {}),
    idle: survey.idle,
  };
}
