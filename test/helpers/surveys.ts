/**
 * The exit survey the kiosk and phone tests answer: would you recommend us (NPS), how satisfied
 * (CSAT), then the questions and settings (follow-up, idle time) each test adds.
 */
export const RECOMMEND = { id: 'recommend', number: 1, scale: 'nps11', label: 'Would you recommend us to a friend?' };
export const SATISFIED = { id: 'satisfied', number: 2, scale: 'csat5', label: 'How satisfied are you with the service?' };

export function exitSurvey<T extends object>(settings: T, moreQuestions: (typeof RECOMMEND)[] = []) {
  return { id: 'exit', name: 'Exit survey', questions: [RECOMMEND, SATISFIED, ...moreQuestions], ...settings };
}
