import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../../platform/http/schemas.ts';
import { ImportResultSchema } from './schemas.ts';

/** The schemas of settings-transfer-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const settingsTransferApi = {
  'GET /api/settings/export': {
    tags: ['settings'],
    description: 'The settings kept in the database as YAML (the same shape as the configuration file); secrets=true includes the secrets',
    querystring: Type.Object({ secrets: Type.Boolean({ default: false }) }),
  },
  'POST /api/settings/import': {
    tags: ['settings'],
    description: 'Replaces each settings section the YAML body holds (content type application/yaml); dryRun=true only reports the changes',
    querystring: Type.Object({ dryRun: Type.Boolean({ default: false }), version: Type.Optional(Type.Integer({ minimum: 1 })) }),
    response: { 200: ImportResultSchema, 400: ErrorBody, 409: ErrorBody, 415: ErrorBody },
  },
};
