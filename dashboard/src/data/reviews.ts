import { api } from '@feedback/web-base/api-client.ts';
import type { BodyOf, QueryOf } from '@feedback/web-base/contract.ts';

export const reviews = (siteId: string, limit: number) =>
  api.call('GET /api/reviews', { query: { ...(siteId ? { siteId } : {}), limit } }).then((r) => r.reviews);

/** Imports a file of reviews (CSV as its bytes, which the gateway decodes; JSON or JSON lines as text) for a site. */
export const importReviews = (siteId: string, text: string | Blob, contentType: string) =>
  api.upload('POST /api/reviews/import', { query: { siteId } }, text, contentType);

/** A reply drafted in the tone of the review, in a language. */
export const replyDraft = (id: number, language: QueryOf<'GET /api/reviews/:id/draft'>['language']) =>
  api.call('GET /api/reviews/:id/draft', { params: { id }, query: { language } }).then((r) => r.draft);

export const moveReview = (id: number, to: BodyOf<'POST /api/reviews/:id/status'>['to']) =>
  api.call('POST /api/reviews/:id/status', { params: { id }, body: { to } });

export const replyToReview = (id: number, text: string) => api.call('POST /api/reviews/:id/reply', { params: { id }, body: { text } });

/** Marks today's reviews of a site as checked. */
export const markReviewsChecked = (siteId: string) => api.call('POST /api/reviews/checks', { body: { siteId } });
