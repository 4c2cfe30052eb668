import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { ErrorBody, Id, MultilineText, Nullable } from '../../platform/http/schemas.ts';
import { literals } from '../cases/schemas.ts';
import { allowedSites, principalOf, requireSite } from '../../platform/http/scope.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { principalName } from '../../platform/auth/principal.ts';
import { signature } from '../alerts/webhooks.ts';
import { REVIEW_STATUSES, type Review } from './review.ts';
import { parseReviewCsv, parseReviewJson } from './review-import.ts';
import type { Config } from '../../platform/config/schema.ts';
import type { ReviewService } from './review-service.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';

const SentimentSchema = literals(['positive', 'neutral', 'negative'] as const);

const ReviewBody = Type.Object({
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

const ImportResult = Type.Object({
  imported: Type.Integer(),
  duplicates: Type.Integer(),
  problems: Type.Array(Type.Object({ line: Type.Optional(Type.Integer()), item: Type.Optional(Type.Integer()), message: Type.String() })),
});

/** The online reviews journal: import (files and a signed webhook), reply drafts, statuses, the daily check. */
export const reviewRoutes: FastifyPluginAsyncTypebox<{ services: { reviews: ReviewService; topology: TopologyRepo; config: Config } }> = async (app, { services }) => {
  const knownSite = (request: FastifyRequest, siteId: string) => {
    requireSite(request, siteId);
    if (!services.topology.sites().some((s) => s.id === siteId)) throw new HttpError(404, `No site "${siteId}"`);
  };
  const visible = (request: FastifyRequest, id: number): Review => {
    const review = services.reviews.repo.get(id);
    if (!review) throw new HttpError(404, `No review ${id}`);
    requireSite(request, review.siteId);
    return review;
  };

  app.get(
    '/api/reviews',
    {
      config: { access: 'cases:read' },
      schema: {
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
    },
    async (request) => {
      const { siteId, overdue, ...filter } = request.query;
      if (siteId) requireSite(request, siteId);
      return { reviews: services.reviews.repo.list({ ...filter, siteIds: siteId ? [siteId] : allowedSites(request), overdueAt: overdue ? Date.now() : undefined }) };
    },
  );

  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.post(
    '/api/reviews/import',
    {
      config: { access: 'cases:write' },
      schema: {
        tags: ['reviews'],
        description:
          'A CSV file (text/csv, header platform,id,date,author,rating,ratingMax,text,link), a JSON array (application/json) or JSON lines (application/x-ndjson). Duplicates (same platform and id or link) are skipped; each bad row is reported by line (or item) and the valid rows are kept.',
        querystring: Type.Object({ siteId: Id }),
        consumes: ['text/csv', 'application/json', 'application/x-ndjson'],
        body: Type.Union([Type.String(), Type.Array(Type.Unknown())]),
        response: { 200: ImportResult, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      knownSite(request, request.query.siteId);
      const body = request.body;
      const parsed = Array.isArray(body) ? parseReviewJson(JSON.stringify(body)) : request.headers['content-type']?.startsWith('text/csv') ? parseReviewCsv(body) : parseReviewJson(body);
      return services.reviews.store(request.query.siteId, parsed);
    },
  );

  app.get(
    '/api/reviews/:id/draft',
    {
      config: { access: 'cases:read' },
      schema: {
        tags: ['reviews'],
        description: "A reply draft in the review's tone (METRICS.md), for a person to edit and send",
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object({ language: literals(['en', 'ru', 'zh'] as const) }),
        response: { 200: Type.Object({ draft: Type.String() }), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      visible(request, request.params.id);
      return { draft: services.reviews.draft(request.params.id, request.query.language) };
    },
  );

  app.post(
    '/api/reviews/:id/reply',
    {
      config: { access: 'cases:write' },
      schema: {
        tags: ['reviews'],
        description: 'Records the reply as sent on the platform; the review is answered',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({ text: MultilineText(5000) }, { additionalProperties: false }),
        response: { 200: ReviewBody, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      visible(request, request.params.id);
      if (request.body.text.trim() === '') throw new HttpError(400, 'An empty reply');
      return services.reviews.reply(request.params.id, request.body.text, principalName(principalOf(request)));
    },
  );

  app.post(
    '/api/reviews/:id/status',
    {
      config: { access: 'cases:write' },
      schema: {
        tags: ['reviews'],
        description: 'In work, or passed to quality (which opens a case for it, once)',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({ to: literals(['in_work', 'passed_to_quality'] as const) }, { additionalProperties: false }),
        response: { 200: ReviewBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      visible(request, request.params.id);
      return services.reviews.setStatus(request.params.id, request.body.to, principalName(principalOf(request)));
    },
  );

  app.post(
    '/api/reviews/checks',
    {
      config: { access: 'cases:write' },
      schema: {
        tags: ['reviews'],
        description: "The daily mark that today's reviews were checked (due by 11:00 local time)",
        body: Type.Object({ siteId: Id }, { additionalProperties: false }),
        response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      knownSite(request, request.body.siteId);
      services.reviews.markChecked(request.body.siteId, principalName(principalOf(request)));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/reviews/checks',
    {
      config: { access: 'cases:read' },
      schema: {
        tags: ['reviews'],
        description: 'Per local day (yyyymmdd): who marked the reviews checked and when, and when a missing mark was recorded as a violation',
        querystring: Type.Object({ siteId: Id, fromDay: Type.Integer({ minimum: 19700101, maximum: 99991231 }), toDay: Type.Integer({ minimum: 19700101, maximum: 99991231 }) }),
        response: {
          200: Type.Object({ days: Type.Array(Type.Object({ day: Type.Integer(), checkedAt: Nullable(Type.Integer()), checkedBy: Nullable(Type.String()), violationAt: Nullable(Type.Integer()) })) }),
          403: ErrorBody,
        },
      },
    },
    async (request) => {
      requireSite(request, request.query.siteId);
      return { days: services.reviews.repo.checks(request.query.siteId, request.query.fromDay, request.query.toDay) };
    },
  );

  // The inbound webhook checks an HMAC of the exact bytes sent, so its body is kept as a string.
  await app.register(async (signed) => {
    signed.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    signed.post(
      '/api/reviews/webhook',
      {
        config: { access: 'public', rateLimit: { max: 60, timeWindow: 60_000 } },
        schema: {
          tags: ['reviews'],
          description:
            'Reviews pushed by a platform or an aggregator: {"siteId": "...", "reviews": [...]}, signed with X-Feedback-Signature: sha256=<hex HMAC-SHA256 of the body> under reviews.webhookSecret. Off (404) without a secret.',
          headers: Type.Object({ 'x-feedback-signature': Type.Optional(Type.String()) }),
          body: Type.String(),
          response: { 200: ImportResult, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => {
        const raw = request.body as string;
        const secret = services.config.reviews.webhookSecret;
        if (!secret) throw new HttpError(404, 'The review webhook is off (no reviews.webhookSecret configured)');
        const given = Buffer.from(String(request.headers['x-feedback-signature'] ?? ''));
        const expected = Buffer.from(signature(secret, raw));
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new HttpError(401, 'Missing or wrong X-Feedback-Signature');
        let payload: { siteId?: unknown; reviews?: unknown };
        try {
          payload = JSON.parse(raw) as typeof payload;
        } catch {
          throw new HttpError(400, 'The body is not valid JSON');
        }
        const siteId = typeof payload.siteId === 'string' ? payload.siteId : '';
        if (!services.topology.sites().some((s) => s.id === siteId)) throw new HttpError(400, `No site "${siteId}"`);
        if (!Array.isArray(payload.reviews)) throw new HttpError(400, 'reviews must be an array');
        return services.reviews.store(siteId, parseReviewJson(JSON.stringify(payload.reviews)));
      },
    );
  });
};
