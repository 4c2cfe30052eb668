import type { Config, DeviceConfig } from './schema.ts';

/**
 * The catalog: the part of the configuration people change while the gateway runs (sites, points,
 * devices, surveys, alert rules, webhooks). The YAML file seeds it into an empty database; from
 * then on the database holds it and the admin API changes it.
 */
export const CATALOG_SECTIONS = ['sites', 'points', 'devices', 'surveys', 'alerts', 'webhooks'] as const;
export type CatalogSection = (typeof CATALOG_SECTIONS)[number];
export type Catalog = Pick<Config, CatalogSection>;

/** The sections whose entries have ids, and so can be changed one entry at a time. */
export const ITEM_SECTIONS = ['sites', 'points', 'devices', 'surveys', 'alertRules'] as const;
export type ItemSection = (typeof ITEM_SECTIONS)[number];
export interface CatalogItem {
  id: string;
}

/** Shown instead of a secret; sent back unchanged, it keeps the secret the entry has. */
export const SECRET_MASK = '********';

export function catalogOf(config: Config): Catalog {
  const { sites, points, devices, surveys, alerts, webhooks } = config;
  return structuredClone({ sites, points, devices, surveys, alerts, webhooks });
}

/** The entries of an item section (alert rules live inside `alerts`). */
export function itemsOf(catalog: Catalog, section: ItemSection): CatalogItem[] {
  return section === 'alertRules' ? catalog.alerts.rules : catalog[section];
}

/** Replaces an entry by id, or appends it; returns the previous entry. */
export function putItem(catalog: Catalog, section: ItemSection, item: CatalogItem): CatalogItem | undefined {
  const items = itemsOf(catalog, section);
  const at = items.findIndex((i) => i.id === item.id);
  const before = at >= 0 ? items[at] : undefined;
  if (at >= 0) items[at] = item;
  else items.push(item);
  return before;
}

/** Removes an entry by id; returns it, or undefined when there was none. */
export function removeItem(catalog: Catalog, section: ItemSection, id: string): CatalogItem | undefined {
  const items = itemsOf(catalog, section);
  const at = items.findIndex((i) => i.id === id);
  return at >= 0 ? items.splice(at, 1)[0] : undefined;
}

/** A device with its broker password (if any) replaced by the mask. */
export function withDeviceSecretMasked(device: DeviceConfig): DeviceConfig {
  return device.mqttPassword === undefined ? device : { ...device, mqttPassword: SECRET_MASK };
}

/** The catalog with every secret (device broker passwords, webhook keys) replaced by the mask. */
export function withSecretsMasked(catalog: Catalog): Catalog {
  const c = structuredClone(catalog);
  c.devices = c.devices.map(withDeviceSecretMasked);
  for (const w of c.webhooks) w.secret = SECRET_MASK;
  return c;
}

/** A device whose broker password came back as the mask, with the password it has (or none). */
export function withDeviceSecretKept(device: DeviceConfig, current: DeviceConfig | undefined): DeviceConfig {
  if (device.mqttPassword !== SECRET_MASK) return device;
  const { mqttPassword: _masked, ...rest } = device;
  return current?.mqttPassword === undefined ? rest : { ...rest, mqttPassword: current.mqttPassword };
}

/** Puts back the secrets a client sent as the mask: a device's by its id, a webhook's by its url. */
export function withSecretsKept(next: Catalog, current: Catalog): Catalog {
  const c = structuredClone(next);
  c.devices = c.devices.map((d) =>
    withDeviceSecretKept(
      d,
      current.devices.find((e) => e.id === d.id),
    ),
  );
  const hooks = new Map(current.webhooks.map((w) => [w.url, w.secret]));
  for (const w of c.webhooks) if (w.secret === SECRET_MASK) w.secret = hooks.get(w.url) ?? SECRET_MASK;
  return c;
}

/** What replacing one section with another adds, changes and removes, by id (webhooks by url). */
export function sectionChanges(
  section: CatalogSection,
  before: Catalog,
  after: Catalog,
): { added: string[]; changed: string[]; removed: string[] } {
  const entries = (c: Catalog): Map<string, string> => {
    if (section === 'alerts') return new Map([['alerts', canonical(c.alerts)]]);
    if (section === 'webhooks') return new Map(c.webhooks.map((w) => [w.url, canonical(w)]));
    return new Map((c[section] as CatalogItem[]).map((i) => [i.id, canonical(i)]));
  };
  const a = entries(before);
  const b = entries(after);
  return {
    added: [...b.keys()].filter((k) => !a.has(k)),
    changed: [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k)),
    removed: [...a.keys()].filter((k) => !b.has(k)),
  };
}

/** JSON with every object's keys sorted, so equal entries compare equal whatever order their keys came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
