import { Type, type TSchema } from '@sinclair/typebox';
import { ErrorBody, Id } from '../../platform/http/schemas.ts';
import { AuditEntrySchema, CatalogChangedSchema, SettingsSchema } from './schemas.ts';
import { WebhookConfig } from '../../platform/config/schema.ts';

/** `?version=N`: the version the change was made against; a newer one is refused (409). */
export const VersionQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) });

/** the new version, and the keys the change touched that apply only after a restart */
export const Changed = CatalogChangedSchema;

/** PUT /api/settings/<section>/:id, one route per section of the catalogue (ITEM_SCHEMAS), each with its item's schema. */
export const putItemApi = <S extends TSchema>(path: string, schema: S) => ({
  tags: ['settings'],
  description: `Creates or replaces one entry of ${path}; applied at once`,
  params: Type.Object({ id: Id }),
  querystring: VersionQuery,
  body: schema,
  response: { 200: Changed, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
});

/** DELETE /api/settings/<section>/:id. */
export const deleteItemApi = (path: string) => ({
  tags: ['settings'],
  description: `Removes one entry of ${path}; refused while others refer to it. Its history stays.`,
  params: Type.Object({ id: Id }),
  querystring: VersionQuery,
  response: { 200: Changed, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
});

/** The schemas of settings-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const settingsApi = {
  'GET /api/settings': {
    tags: ['settings'],
    description: 'The settings the caller may change (secrets masked)',
    response: { 200: SettingsSchema },
  },
  'PUT /api/settings/webhooks': {
    tags: ['settings'],
    description: 'Replaces the outgoing webhooks; a secret sent as "********" keeps the one its url has',
    querystring: VersionQuery,
    body: Type.Array(WebhookConfig, { maxItems: 50 }),
    response: { 200: Changed, 400: ErrorBody, 409: ErrorBody },
  },
  'GET /api/settings/audit': {
    tags: ['settings'],
    description: 'Who changed which setting, when: newest first; `before` pages back, `target` narrows to one entry or section',
    querystring: Type.Object({
      limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
      before: Type.Optional(Type.Integer({ minimum: 1 })),
      target: Type.Optional(Type.String({ maxLength: 200 })),
    }),
    response: { 200: Type.Object({ entries: Type.Array(AuditEntrySchema) }) },
  },
};
