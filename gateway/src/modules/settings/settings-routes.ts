import type { TSchema } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ITEM_SCHEMAS } from './schemas.ts';
import { type DeviceConfig } from '../../platform/config/schema.ts';
import {
  itemsOf,
  putItem,
  removeItem,
  withDeviceSecretKept,
  withDeviceSecretMasked,
  withSecretsKept,
  withSecretsMasked,
  type CatalogItem,
  type ItemSection,
} from '../../platform/config/catalog.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { principalOf } from '../../platform/http/scope.ts';
import { principalName } from '../../platform/auth/principal.ts';
import { catalogInReach, requireSettingsReach, settingsForEveryone } from './settings-scope.ts';
import type { AuditRepo } from '../../platform/settings/audit-repo.ts';
import type { LiveCatalog } from '../../platform/settings/live-catalog.ts';
import { deleteItemApi, putItemApi, settingsApi } from './settings-api.ts';

type PathSection = keyof typeof ITEM_SCHEMAS;
const SECTION_OF_PATH: Record<PathSection, ItemSection> = {
  sites: 'sites',
  points: 'points',
  devices: 'devices',
  surveys: 'surveys',
  'alert-rules': 'alertRules',
};

/**
 * Settings kept in the database (sites, points, devices, surveys, alert rules, webhooks): read,
 * change one entry, remove one. Every change is validated like the configuration file, audited,
 * and takes effect at once, except the keys the answer lists as applying after a restart. The
 * rules of each owner (e.g. a site's time zone) are its settings hooks, so every door keeps them.
 */
export const settingsRoutes: FastifyPluginAsyncTypebox<{ services: { catalog: LiveCatalog; audit: AuditRepo } }> = async (
  app,
  { services },
) => {
  const actor = (request: FastifyRequest) => principalName(principalOf(request));
  const settings = (request: FastifyRequest) => {
    const { catalog } = services;
    return {
      version: catalog.version,
      updatedAt: catalog.updated.at,
      updatedBy: catalog.updated.by,
      scope: settingsForEveryone(request) ? ('all' as const) : ('sites' as const),
      catalog: withSecretsMasked(catalogInReach(request, catalog.catalog())),
    };
  };

  app.get('/api/settings', { config: { access: 'settings:write' }, schema: settingsApi['GET /api/settings'] }, async (request) =>
    settings(request),
  );

  for (const [path, schema] of Object.entries(ITEM_SCHEMAS) as [PathSection, TSchema][]) {
    const section = SECTION_OF_PATH[path];
    app.put(
      `/api/settings/${path}/:id`,
      {
        config: { access: 'settings:write' },
        schema: putItemApi(path, schema),
      },
      async (request) => {
        const item = request.body as CatalogItem;
        if (item.id !== request.params.id) throw new HttpError(400, `The body's id "${item.id}" is not the path's "${request.params.id}"`);
        return services.catalog.change(actor(request), request.query.version, (draft) => {
          const current = itemsOf(draft, section).find((i) => i.id === item.id);
          requireSettingsReach(request, draft, section, current, item);
          const kept = section === 'devices' ? withDeviceSecretKept(item as DeviceConfig, current as DeviceConfig | undefined) : item;
          putItem(draft, section, kept);
          return {
            action: current ? 'update' : 'create',
            target: `${path}/${item.id}`,
            before: masked(section, current),
            after: masked(section, kept),
          };
        });
      },
    );
    app.delete(
      `/api/settings/${path}/:id`,
      {
        config: { access: 'settings:write' },
        schema: deleteItemApi(path),
      },
      async (request) =>
        services.catalog.change(actor(request), request.query.version, (draft) => {
          const current = itemsOf(draft, section).find((i) => i.id === request.params.id);
          if (!current) throw new HttpError(404, `No ${path} entry "${request.params.id}"`);
          requireSettingsReach(request, draft, section, current, undefined);
          removeItem(draft, section, current.id);
          return { action: 'delete', target: `${path}/${current.id}`, before: masked(section, current) };
        }),
    );
  }

  app.put(
    '/api/settings/webhooks',
    {
      config: { access: 'admin' },
      schema: settingsApi['PUT /api/settings/webhooks'],
    },
    async (request) =>
      services.catalog.change(actor(request), request.query.version, (draft) => {
        const before = withSecretsMasked(draft).webhooks;
        draft.webhooks = withSecretsKept({ ...draft, webhooks: request.body }, draft).webhooks;
        return { action: 'replace', target: 'webhooks', before, after: withSecretsMasked(draft).webhooks };
      }),
  );

  app.get(
    '/api/settings/audit',
    {
      config: { access: 'admin' },
      schema: settingsApi['GET /api/settings/audit'],
    },
    async (request) => ({
      entries: services.audit.list({ limit: request.query.limit, beforeId: request.query.before, target: request.query.target }),
    }),
  );
};

/** An entry as the audit log keeps it: a device's broker password masked. */
function masked(section: ItemSection, item: CatalogItem | undefined): unknown {
  if (!item) return null;
  return section === 'devices' ? withDeviceSecretMasked(item as DeviceConfig) : item;
}
