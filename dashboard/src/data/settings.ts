import { api } from '@feedback/web-base/api-client.ts';
import type { BodyOf } from '@feedback/web-base/contract.ts';
import type { ItemSection } from '../settings/settings-sections.ts';

/** The settings the user may change (secrets masked), with the version a change is made against. */
export const loadSettings = () => api.call('GET /api/settings');

/**
 * Creates or replaces one entry of a section. The entry is what a person typed (YAML), sent as it is:
 * the gateway validates it against the section's schema and answers in words where it is wrong.
 */
export const putEntry = (section: ItemSection, id: string, version: number, entry: unknown) =>
  api.call(`PUT /api/settings/${section}/:id`, {
    params: { id },
    query: { version },
    body: entry as BodyOf<'PUT /api/settings/sites/:id'>,
  });

/** Replaces the outgoing webhooks (typed as YAML, validated by the gateway like an entry). */
export const putWebhooks = (version: number, webhooks: unknown) =>
  api.call('PUT /api/settings/webhooks', { query: { version }, body: webhooks as BodyOf<'PUT /api/settings/webhooks'> });

export const deleteEntry = (section: ItemSection, id: string, version: number) =>
  api.call(`DELETE /api/settings/${section}/:id`, { params: { id }, query: { version } });

/** Who changed which setting, newest first. */
export const settingsAudit = (limit: number) => api.call('GET /api/settings/audit', { query: { limit } }).then((r) => r.entries);

/** Imports the settings as YAML: a dry run shows what would change. */
export const importSettings = (yaml: string, dryRun: boolean, version: number) =>
  api.upload('POST /api/settings/import', { query: { dryRun, version } }, yaml, 'application/yaml');

/** A short code a kiosk (for a device) or a staff screen (for a point) exchanges once for its token. */
export const pairingCode = (body: BodyOf<'POST /api/tokens/pairing-codes'>) => api.call('POST /api/tokens/pairing-codes', { body });
