import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { HttpServices } from '../../services.ts';
import { ErrorBody, PointSummarySchema } from '../../schemas.ts';
import { HttpError } from '../../errors.ts';
import { principalOf } from '../../scope.ts';

/** What a screen token may read: its own point's live summary (no customer data). */
export const screenRoutes: FastifyPluginAsyncTypebox<{ services: Pick<HttpServices, 'summaries'> }> = async (app, { services }) => {
  app.get(
    '/api/screen/summary',
    { config: { access: 'screen' }, schema: { tags: ['screen'], description: "The screen token's point: today's numbers", response: { 200: PointSummarySchema, 404: ErrorBody } } },
    async (request) => {
      const principal = principalOf(request);
      const pointId = principal.kind === 'token' ? principal.token.pointId : null;
      const summary = pointId ? services.summaries.forPoints(new Set([pointId]))[0] : undefined;
      if (!summary) throw new HttpError(404, 'This screen has no point');
      return summary;
    },
  );
};
