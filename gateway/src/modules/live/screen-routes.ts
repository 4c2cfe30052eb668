import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../platform/http/errors.ts';
import { principalOf } from '../../platform/http/scope.ts';
import { polarity } from '../../core/scale.ts';
import type { AnswerNoteRepo } from '../ingest/answer-note-repo.ts';
import type { AnswerQueries } from '../answers/answer-query-repo.ts';
import type { Config } from '../../platform/config/schema.ts';
import type { PointSummaries } from '../indices/point-summaries.ts';
import { screenApi } from './screen-api.ts';

/** The longest run a screen counts; beyond it the streak shows this many. */
const MAX_STREAK = 1000;

/** What a screen token may read: its own point's day, and the positive comments a manager chose (no customer data). */
export const screenRoutes: FastifyPluginAsyncTypebox<{
  services: { summaries: PointSummaries; answers: AnswerQueries; config: Config; notes: AnswerNoteRepo };
}> = async (app, { services }) => {
  app.get(
    '/api/screen/summary',
    {
      config: { access: 'screen' },
      schema: screenApi['GET /api/screen/summary'],
    },
    async (request) => {
      const principal = principalOf(request);
      const pointId = principal.kind === 'token' ? principal.token.pointId : null;
      const point = pointId ? (await services.summaries.forPoints(new Set([pointId])))[0] : undefined;
      if (!point) throw new HttpError(404, 'This screen has no point');
      const ratings = services.answers.latestRatings(point.pointId, point.from, MAX_STREAK);
      const streak = ratings.findIndex((r) => polarity(r.scale, r.value) !== 'positive');
      const comments = services.notes.publishedComments(point.pointId, 3).map((c) => ({ text: c.comment, at: c.notedAt }));
      return {
        point,
        goal: services.config.points.find((p) => p.id === point.pointId)?.goal ?? 80,
        streak: streak === -1 ? ratings.length : streak,
        comments,
      };
    },
  );
};
