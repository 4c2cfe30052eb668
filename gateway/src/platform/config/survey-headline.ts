import type { SurveyConfig } from './schema.ts';

/** The scales whose answer can be a response's headline by default (METRICS.md, "Responses"). */
function headlineScale(scale: string): boolean {
  return /^smiley\d+$/.test(scale) || scale === 'nps11' || scale === 'csat5' || scale === 'ces7';
}

/**
 * The number of a survey's headline question: `headline` where set, else the first question on a
 * smiley, nps11, csat5 or ces7 scale; undefined when it has none (its responses are never negative or positive).
 */
export function headlineQuestionNumber(survey: Pick<SurveyConfig, 'questions' | 'headline'>): number | undefined {
  if (survey.headline !== undefined) return survey.headline;
  return survey.questions.find((q) => headlineScale(q.scale))?.number;
}
