import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../../platform/config/schema.ts';

/** The surveys by id and name, for filters (their questions are in the settings, for those who change them). */
export const surveyRoutes: FastifyPluginAsyncTypebox<{ services: { config: Config } }> = async (app, { services }) => {
  app.get(
    '/api/surveys',
    {
      config: { access: 'indices:read' },
      schema: { tags: ['indices'], description: 'Every survey: id and name', response: { 200: Type.Object({ surveys: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }) } },
    },
    async () => ({ surveys: services.config.surveys.map(({ id, name }) => ({ id, name })) }),
  );
};
