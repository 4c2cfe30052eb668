import { Type } from '@sinclair/typebox';
import { ErrorBody, Id, MultilineText, Nullable } from '../../platform/http/schemas.ts';
import { literals } from '../cases/schemas.ts';
import { REVIEW_STATUSES } from './review.ts';
import { CSV_DELIMITERS, FILE_ENCODINGS } from './review-file-text.ts';

export const SentimentSchema = literals(['positive', 'neutral', 'negative'] as const);

export const ReviewBody = Type.Object({
  id: Type.Integer(),
  siteId: Type.String(),
  platform: Type.String(),
  externalId: Nullable(Type.String()),
  link: Nullable(Type.String()),
  publishedAt: Type.Integer(),
  importedAt: Type.Integer(),
  author: Nullable(Type.String()),
  rating: Nullable(Type.Number()),
  text: Nullable(Type.String()),
  sentiment: SentimentSchema,
  sentimentFrom: literals(['rating', 'text'] as const),
  status: literals(REVIEW_STATUSES),
  reply: Nullable(Type.String()),
  replyDueAt: Type.Integer(),
  answeredAt: Nullable(Type.Integer()),
  answeredBy: Nullable(Type.String()),
  caseId: Nullable(Type.Integer()),
});

export const ImportResult = Type.Object({
  imported: Type.Integer(),
  duplicates: Type.Integer(),
  problems: Type.Array(Type.Object({ line: Type.Optional(Type.Integer()), item: Type.Optional(Type.Integer()), message: Type.String() })),
  /** how a CSV file was read: its encoding (the charset named, else detected) and delimiter (from its header) */
  read: Type.Optional(
    Type.Object({
      encoding: Type.Union(FILE_ENCODINGS.map((e) => Type.Literal(e))),
      delimiter: Type.Union(CSV_DELIMITERS.map((d) => Type.Literal(d))),
    }),
  ),
});

/** The schemas of review-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const reviewApi = {
  'GET /api/reviews': {
    tags: ['reviews'],
    querystring: Type.Object({
      siteId: Type.Optional(Id),
      status: Type.Optional(literals(REVIEW_STATUSES)),
      sentiment: Type.Optional(SentimentSchema),
      overdue: Type.Optional(Type.Boolean({ description: 'only those not answered within the reply deadline' })),
      from: Type.Optional(Type.Integer({ minimum: 0 })),
      to: Type.Optional(Type.Integer({ minimum: 0 })),
      limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
    }),
    response: { 200: Type.Object({ reviews: Type.Array(ReviewBody) }), 403: ErrorBody },
  },
  'POST /api/reviews/import': {
    tags: ['reviews'],
    description:
      'A CSV file (text/csv, header platform,id,date,author,rating,ratingMax,text,link), a JSON array (application/json) or JSON lines (application/x-ndjson). Duplicates (same platform and id or link) are skipped; each bad row is reported by line (or item) and the valid rows are kept.',
    querystring: Type.Object({ siteId: Id }),
    consumes: ['text/csv', 'application/json', 'application/x-ndjson'],
    // Not a union of string and array: the validator coerces a one-item array to its item in place while
    // trying the string branch, and the array branch then sees an object (a one-review JSON array was refused).
    // The route reads the body by its content type and refuses anything else with 400.
    body: Type.Unknown({ description: 'the file: text (CSV, JSON lines, or JSON text) or a parsed JSON array' }),
    response: { 200: ImportResult, 403: ErrorBody, 404: ErrorBody },
  },
  'GET /api/reviews/:id/draft': {
    tags: ['reviews'],
    description: "A reply draft in the review's tone (METRICS.md), for a person to edit and send",
    params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
    querystring: Type.Object({ language: literals(['en', 'ru', 'zh'] as const) }),
    response: { 200: Type.Object({ draft: Type.String() }), 403: ErrorBody, 404: ErrorBody },
  },
  'POST /api/reviews/:id/reply': {
    tags: ['reviews'],
    description: 'Records the reply as sent on the platform; the review is answered',
    params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
    body: Type.Object({ text: MultilineText(5000) }, { additionalProperties: false }),
    response: { 200: ReviewBody, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
  },
  'POST /api/reviews/:id/status': {
    tags: ['reviews'],
    description: 'In work, or passed to quality (which opens a case for it, once)',
    params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
    body: Type.Object({ to: literals(['in_work', 'passed_to_quality'] as const) }, { additionalProperties: false }),
    response: { 200: ReviewBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
  },
  'POST /api/reviews/checks': {
    tags: ['reviews'],
    description: "The daily mark that today's reviews were checked (due by 11:00 local time)",
    body: Type.Object({ siteId: Id }, { additionalProperties: false }),
    response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody },
  },
  'GET /api/reviews/checks': {
    tags: ['reviews'],
    description: 'Per local day (yyyymmdd): who marked the reviews checked and when, and when a missing mark was recorded as a violation',
    querystring: Type.Object({
      siteId: Id,
      fromDay: Type.Integer({ minimum: 19700101, maximum: 99991231 }),
      toDay: Type.Integer({ minimum: 19700101, maximum: 99991231 }),
    }),
    response: {
      200: Type.Object({
        days: Type.Array(
          Type.Object({
            day: Type.Integer(),
            checkedAt: Nullable(Type.Integer()),
            checkedBy: Nullable(Type.String()),
            violationAt: Nullable(Type.Integer()),
          }),
        ),
      }),
      403: ErrorBody,
    },
  },
};
