import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { ErrorBody } from '../../platform/http/schemas.ts';
import { allowedSites, principalOf, requireSite } from '../../platform/http/scope.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { principalName } from '../../platform/auth/principal.ts';
import { signature } from '../alerts/webhooks.ts';
import type { Review } from './review.ts';
import { parseReviewCsv, parseReviewJson } from './review-import.ts';
import type { Config } from '../../platform/config/schema.ts';
import type { ReviewService } from './review-service.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { ImportResult, reviewApi } from './review-api.ts';
import { charsetOf, decodeReviewFile } from './review-file-text.ts';

/** The online reviews journal: import (files and a signed webhook), reply drafts, statuses, the daily check. */
export const reviewRoutes: FastifyPluginAsyncTypebox<{
  services: { reviews: ReviewService; topology: TopologyRepo; config: Config };
}> = async (app, { services }) => {
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
      schema: reviewApi['GET /api/reviews'],
    },
    async (request) => {
      const { siteId, overdue, ...filter } = request.query;
      if (siteId) requireSite(request, siteId);
      return {
        reviews: services.reviews.repo.list({
          ...filter,
          siteIds: siteId ? [siteId] : allowedSites(request),
          overdueAt: overdue ? Date.now() : undefined,
        }),
      };
    },
  );

  // CSV arrives as bytes: its encoding is read from the file (or the charset named), never assumed
  app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.post(
    '/api/reviews/import',
    {
      config: { access: 'cases:write' },
      schema: reviewApi['POST /api/reviews/import'],
    },
    async (request) => {
      knownSite(request, request.query.siteId);
      const body = request.body;
      const reading = { timeZone: services.topology.sites().find((s) => s.id === request.query.siteId)!.timeZone };
      if (Buffer.isBuffer(body)) {
        const { text, encoding } = decodeReviewFile(body, charsetOf(request.headers['content-type']));
        const parsed = parseReviewCsv(text, reading);
        return { ...services.reviews.store(request.query.siteId, parsed), read: { encoding, delimiter: parsed.delimiter! } };
      }
      if (!Array.isArray(body) && typeof body !== 'string') throw new HttpError(400, 'Send the reviews as a JSON array, JSON lines or CSV');
      const parsed = parseReviewJson(Array.isArray(body) ? JSON.stringify(body) : body, reading);
      return services.reviews.store(request.query.siteId, parsed);
    },
  );

  app.get(
    '/api/reviews/:id/draft',
    {
      config: { access: 'cases:read' },
      schema: reviewApi['GET /api/reviews/:id/draft'],
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
      schema: reviewApi['POST /api/reviews/:id/reply'],
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
      schema: reviewApi['POST /api/reviews/:id/status'],
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
      schema: reviewApi['POST /api/reviews/checks'],
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
      schema: reviewApi['GET /api/reviews/checks'],
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
        if (given.length !== expected.length || !timingSafeEqual(given, expected))
          throw new HttpError(401, 'Missing or wrong X-Feedback-Signature');
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
