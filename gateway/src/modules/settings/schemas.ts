import { Type, type TSchema } from '@sinclair/typebox';
import {
  AlertRuleConfig,
  AlertsConfig,
  DeviceConfig,
  PointConfig,
  SiteConfig,
  SurveyConfig,
  WebhookConfig,
} from '../../platform/config/schema.ts';

/** The catalog as the settings API shows it: secrets replaced by "********" (send it back to keep one). */
export const CatalogSchema = Type.Object({
  sites: Type.Array(SiteConfig),
  points: Type.Array(PointConfig),
  devices: Type.Array(DeviceConfig),
  surveys: Type.Array(SurveyConfig),
  alerts: AlertsConfig,
  webhooks: Type.Array(WebhookConfig),
});

export const SettingsSchema = Type.Object({
  version: Type.Integer(),
  updatedAt: Type.Integer(),
  updatedBy: Type.String(),
  /** whether the caller may change everything (an admin) or only their sites' sites, points and devices */
  scope: Type.Union([Type.Literal('all'), Type.Literal('sites')]),
  catalog: CatalogSchema,
});

/**
 * A union schema as the HTTP validator can check it: without defaults (it cannot apply them inside a
 * union; an alert rule is one of three kinds) and without `additionalProperties: false`, which makes
 * it strip, in place, the keys of one branch while it tries another (a count rule lost its polarity
 * to the negative-share branch). The catalog's own validation fills the defaults in and refuses an
 * unknown key, naming it.
 */
function forHttpUnion<T extends TSchema>(schema: T): T {
  return JSON.parse(
    JSON.stringify(schema, (key, value: unknown) => (key === 'default' || key === 'additionalProperties' ? undefined : value)),
  ) as T;
}

/** The entries the settings API changes one at a time, by the path's section. */
export const ITEM_SCHEMAS = {
  sites: SiteConfig,
  points: PointConfig,
  devices: DeviceConfig,
  surveys: SurveyConfig,
  'alert-rules': forHttpUnion(AlertRuleConfig),
} as const;

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.Integer(),
  actor: Type.String(),
  action: Type.String(),
  target: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

/** What a stored change answers: its version, and the keys it touched that apply only after a restart (e.g. `devices/b1.source`). */
export const CatalogChangedSchema = Type.Object({
  version: Type.Integer(),
  appliesAfterRestart: Type.Array(Type.String()),
});

export const SectionChanges = Type.Object({
  added: Type.Array(Type.String()),
  changed: Type.Array(Type.String()),
  removed: Type.Array(Type.String()),
});

export const ImportResultSchema = Type.Object({
  /** the new version; the current one on a dry run */
  version: Type.Integer(),
  dryRun: Type.Boolean(),
  /** per section present in the file: the entries (by id, webhooks by url) it adds, changes and removes */
  changes: Type.Record(Type.String(), SectionChanges),
  /** top-level keys that are not settings kept in the database (ports, store, mail ...): left to the file */
  ignored: Type.Array(Type.String()),
  /** the keys the import changes (would change, on a dry run) that apply only after a restart */
  appliesAfterRestart: Type.Array(Type.String()),
});
