import { api } from '@feedback/web-base/api-client.ts';
import type { BodyOf, KioskSurvey } from '@feedback/web-base/contract.ts';

export type PhoneSubmission = BodyOf<'POST /api/phone/:code/answers'>;

/**
 * The point and survey a phone code opens. The route answers the survey without a schema of its own
 * (Type.Unknown); it is the kiosk's survey, read as such.
 */
export const phoneSurvey = (code: string) =>
  api
    .call('GET /api/phone/:code/survey', { params: { code } })
    .then((r) => ({ point: r.point, survey: r.survey as KioskSurvey['survey'] }));

/** One submission from a phone: the answers and the note on the followed-up one. */
export const sendPhoneAnswers = (code: string, submission: PhoneSubmission) =>
  api.call('POST /api/phone/:code/answers', { params: { code }, body: submission });
