import type { Feature } from '../../platform/modules/feature-module.ts';
import { routes } from '../../platform/modules/feature-module.ts';
import type { PlatformParts } from '../../platform/modules/platform-parts.ts';
import { settingsRoutes } from './settings-routes.ts';
import { settingsTransferRoutes } from './settings-transfer-routes.ts';

/** The settings API: the catalog (sites, points, devices, surveys, alert rules, webhooks), its audit, YAML export and import. */
export function settingsModule(p: PlatformParts): Feature<Record<string, never>> {
  const { catalog, audit, topology } = p;
  return {
    name: 'settings',
    services: {},
    routes: [
      routes(settingsRoutes, { services: { catalog, audit, topology } }),
      routes(settingsTransferRoutes, { services: { catalog, audit } }),
    ],
  };
}
