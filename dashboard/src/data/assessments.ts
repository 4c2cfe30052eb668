import { api } from '@feedback/web-base/api-client.ts';
import type { BodyOf } from '@feedback/web-base/contract.ts';

/** The self-assessment's checklist for a site, with the gateway's own answers and their evidence. */
export const checklist = (siteId: string) => api.call('GET /api/assessments/checklist', { query: { siteId } });

/** Earlier self-assessments of a site, newest first. */
export const savedAssessments = (siteId: string, limit: number) =>
  api.call('GET /api/assessments', { query: { siteId, limit } }).then((r) => r.assessments);

export const saveAssessment = (siteId: string, answers: BodyOf<'POST /api/assessments'>['answers']) =>
  api.call('POST /api/assessments', { body: { siteId, answers } });
