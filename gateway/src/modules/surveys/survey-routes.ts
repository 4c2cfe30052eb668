import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../../platform/config/schema.ts';
import { surveyApi } from './survey-api.ts';

/** The surveys by id and name, for filters (their questions are in the settings, for those who change them). */
export const surveyRoutes: FastifyPluginAsyncTypebox<{ services: { config: Config } }> = async (app, { services }) => {
  app.get(
    '/api/surveys',
    {
      config: { access: 'indices:read' },
      schema: surveyApi['GET /api/surveys'],
    },
    async () => ({ surveys: services.config.surveys.map(({ id, name }) => ({ id, name })) }),
  );
};
