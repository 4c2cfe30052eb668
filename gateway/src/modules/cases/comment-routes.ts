import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { mayUseSite, requirePoint, requireSite } from '../../platform/http/scope.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { polarity } from '../../core/scale.ts';
import type { AnswerNoteRepo } from '../ingest/answer-note-repo.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { commentApi } from './comment-api.ts';

/** Customers' comments (never their contact), and the manager's choice of positive ones for the staff screen. */
export const commentRoutes: FastifyPluginAsyncTypebox<{ services: { notes: AnswerNoteRepo; topology: TopologyRepo } }> = async (
  app,
  { services },
) => {
  app.get(
    '/api/comments',
    {
      config: { access: 'cases:read' },
      schema: commentApi['GET /api/comments'],
    },
    async (request) => {
      const { siteId, pointId, from, to, limit } = request.query;
      if (siteId) requireSite(request, siteId);
      if (pointId) requirePoint(request, (p) => services.topology.siteOfPoint(p), pointId);
      const pointIds = services.topology
        .points()
        .filter((p) => mayUseSite(request, p.siteId) && (!siteId || p.siteId === siteId) && (!pointId || p.id === pointId))
        .map((p) => p.id);
      const comments = services.notes.comments({ pointIds, from, to: to ?? Date.now() + 60_000, limit });
      return { comments: comments.map((c) => ({ ...c, polarity: c.value === null ? ('neutral' as const) : polarity(c.scale, c.value) })) };
    },
  );

  app.put(
    '/api/comments/:deviceId/:boot/:seq/publishable',
    {
      config: { access: 'cases:write' },
      schema: commentApi['PUT /api/comments/:deviceId/:boot/:seq/publishable'],
    },
    async (request, reply) => {
      const { deviceId, boot, seq } = request.params;
      const answer = services.notes.answer(deviceId, boot, seq);
      if (!answer) throw new HttpError(404, `No answer ${deviceId}/${boot}/${seq}`);
      requireSite(request, answer.siteId);
      const positive = answer.value !== null && polarity(answer.scale, answer.value) === 'positive';
      if (request.body.publishable && !positive)
        throw new HttpError(409, 'Only the comment of a positive answer may be shown on the staff screen');
      if (!services.notes.setPublishable(deviceId, boot, seq, request.body.publishable) && request.body.publishable)
        throw new HttpError(409, 'This answer has no comment that may be shown (none, or flagged as spam or profanity)');
      return reply.code(204).send(null);
    },
  );
};
