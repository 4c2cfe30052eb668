import type { FastifyRequest } from 'fastify';
import { siteAllowed } from '../../platform/auth/access.ts';
import type { Catalog, CatalogItem, ItemSection } from '../../platform/config/catalog.ts';
import type { PointConfig, DeviceConfig } from '../../platform/config/schema.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { principalOf } from '../../platform/http/scope.ts';

/** Admins change every setting; others with settings:write only their sites, their points and those points' devices. */
export function settingsForEveryone(request: FastifyRequest): boolean {
  return principalOf(request).permissions.has('admin');
}

function siteOfEntry(catalog: Catalog, section: ItemSection, item: CatalogItem): string | undefined {
  if (section === 'sites') return item.id;
  if (section === 'points') return (item as PointConfig).siteId;
  if (section === 'devices') return catalog.points.find((p) => p.id === (item as DeviceConfig).pointId)?.siteId;
  return undefined;
}

/**
 * Refuses (403) a change outside the caller's reach: for a manager, an entry that is not a
 * site, point or device of their sites, before or after the change, and creating or removing a site.
 */
export function requireSettingsReach(
  request: FastifyRequest,
  catalog: Catalog,
  section: ItemSection,
  before: CatalogItem | undefined,
  after: CatalogItem | undefined,
): void {
  if (settingsForEveryone(request)) return;
  const { sites } = principalOf(request);
  if (section === 'sites' && (!before || !after)) throw new HttpError(403, 'Only an admin creates or removes sites');
  for (const entry of [before, after]) {
    if (!entry) continue;
    const siteId = siteOfEntry(catalog, section, entry);
    if (siteId === undefined) throw new HttpError(403, `Only an admin changes ${section === 'alertRules' ? 'alert rules' : section}`);
    if (!siteAllowed(sites, siteId)) throw new HttpError(403, `Not allowed: site "${siteId}" is outside your sites`);
  }
}

/** The part of the catalog a caller sees: all of it for an admin; else their sites, points and devices, and the surveys. */
export function catalogInReach(request: FastifyRequest, catalog: Catalog): Catalog {
  if (settingsForEveryone(request)) return catalog;
  const { sites } = principalOf(request);
  const points = catalog.points.filter((p) => siteAllowed(sites, p.siteId));
  const pointIds = new Set(points.map((p) => p.id));
  return {
    sites: catalog.sites.filter((s) => siteAllowed(sites, s.id)),
    points,
    devices: catalog.devices.filter((d) => pointIds.has(d.pointId)),
    surveys: catalog.surveys,
    alerts: { ...catalog.alerts, rules: catalog.alerts.rules.filter((r) => r.pointId !== undefined && pointIds.has(r.pointId)) },
    webhooks: [],
  };
}
