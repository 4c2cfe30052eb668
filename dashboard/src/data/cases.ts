import { api } from '@feedback/web-base/api-client.ts';
import type { BodyOf, QueryOf } from '@feedback/web-base/contract.ts';

export type CaseQuery = QueryOf<'GET /api/cases'>;
export type OpenCase = BodyOf<'POST /api/cases'>;

export const cases = (query: CaseQuery) => api.call('GET /api/cases', { query }).then((r) => r.cases);

/** A case with its full history. */
export const caseWithHistory = (id: number) => api.call('GET /api/cases/:id', { params: { id } });

/** Opens a case by hand: a hotline call, a complaint in person. */
export const openCase = (body: BodyOf<'POST /api/cases'>) => api.call('POST /api/cases', { body });

/** Assigns an owner, changes severity or category, records the follow-up result. */
export const changeCase = (id: number, change: BodyOf<'PATCH /api/cases/:id'>) =>
  api.call('PATCH /api/cases/:id', { params: { id }, body: change });

/** Moves a case to another status (closing it with its root cause). */
export const moveCase = (id: number, move: BodyOf<'POST /api/cases/:id/status'>) =>
  api.call('POST /api/cases/:id/status', { params: { id }, body: move });

export const commentOnCase = (id: number, text: string) => api.call('POST /api/cases/:id/comments', { params: { id }, body: { text } });

/** Erases the customer's contact from a case. */
export const eraseCaseContact = (id: number) => api.call('DELETE /api/cases/:id/contact', { params: { id } });
