import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import {
  CATALOG_SECTIONS,
  catalogOf,
  sectionChanges,
  withSecretsKept,
  withSecretsMasked,
  type Catalog,
  type CatalogSection,
} from '../../platform/config/catalog.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { principalOf } from '../../platform/http/scope.ts';
import { principalName } from '../../platform/auth/principal.ts';
import type { AuditRepo } from '../../platform/settings/audit-repo.ts';
import type { LiveCatalog } from '../../platform/settings/live-catalog.ts';
import { settingsTransferApi } from './settings-transfer-api.ts';

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'text/plain'];
const IMPORT_LIMIT_BYTES = 5 * 1024 * 1024;

/** The YAML text of an import: a mapping; its settings sections, and the keys left to the file. */
function readImport(text: string): { sections: Partial<Catalog>; ignored: string[] } {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new HttpError(400, `Not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new HttpError(400, 'The file must hold a mapping of settings (sites:, points:, devices:, surveys:, alerts:, webhooks:)');
  const record = data as Record<string, unknown>;
  const sections = Object.fromEntries(
    Object.entries(record).filter(([k]) => (CATALOG_SECTIONS as readonly string[]).includes(k)),
  ) as Partial<Catalog>;
  if (Object.keys(sections).length === 0) throw new HttpError(400, `The file holds none of ${CATALOG_SECTIONS.join(', ')}`);
  for (const [key, value] of Object.entries(sections) as [string, unknown][]) {
    const isMapping = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (key === 'alerts' ? !isMapping(value) : !Array.isArray(value) || !value.every(isMapping)) {
      throw new HttpError(
        400,
        key === 'alerts' ? 'alerts: must be a mapping (defaults, rules, evaluateEveryMs)' : `${key}: must be a list of entries`,
      );
    }
  }
  return { sections, ignored: Object.keys(record).filter((k) => !(CATALOG_SECTIONS as readonly string[]).includes(k)) };
}

/**
 * The settings as one YAML file, and back: export (secrets masked unless asked for, audited) and
 * import, which replaces each section the file holds, validated as a whole; a dry run says what
 * it would change without changing it.
 */
export const settingsTransferRoutes: FastifyPluginAsyncTypebox<{ services: { catalog: LiveCatalog; audit: AuditRepo } }> = async (
  app,
  { services },
) => {
  app.addContentTypeParser(YAML_TYPES, { parseAs: 'string', bodyLimit: IMPORT_LIMIT_BYTES }, (_request, body, done) => done(null, body));

  app.get(
    '/api/settings/export',
    {
      config: { access: 'admin' },
      schema: settingsTransferApi['GET /api/settings/export'],
    },
    async (request, reply) => {
      const { catalog } = services;
      const stored = catalog.catalog();
      const withSecrets = request.query.secrets;
      services.audit.record({
        at: Date.now(),
        actor: principalName(principalOf(request)),
        action: withSecrets ? 'export-with-secrets' : 'export',
        target: 'catalog',
        before: null,
        after: { version: catalog.version },
      });
      const header = `# Feedback gateway settings, version ${catalog.version}, exported ${new Date().toISOString()}\n# ${withSecrets ? 'Holds secrets: keep this file safe.' : 'Secrets are masked as "********": importing them keeps the gateway\'s own.'}\n`;
      return reply
        .header('content-type', 'application/yaml; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="feedback-settings-v${catalog.version}.yaml"`)
        .send(header + stringifyYaml(withSecrets ? stored : withSecretsMasked(stored)));
    },
  );

  app.post(
    '/api/settings/import',
    {
      config: { access: 'admin' },
      bodyLimit: IMPORT_LIMIT_BYTES,
      schema: settingsTransferApi['POST /api/settings/import'],
    },
    async (request) => {
      if (typeof request.body !== 'string') throw new HttpError(415, `Send the YAML file as ${YAML_TYPES[0]}`);
      const { sections, ignored } = readImport(request.body);
      const present = Object.keys(sections) as CatalogSection[];
      const { catalog } = services;
      const before = catalog.catalog();
      const after = withSecretsKept({ ...before, ...sections } as Catalog, before);
      // compared as validated (defaults filled in), so an entry that only omits a default is not a change
      const validated = catalogOf(catalog.validate(after));
      const changes = Object.fromEntries(present.map((s) => [s, sectionChanges(s, before, validated)]));
      if (request.query.dryRun) {
        return { version: catalog.version, dryRun: true, changes, ignored, appliesAfterRestart: catalog.appliesAfterRestart(after) };
      }
      const { version, appliesAfterRestart } = await catalog.change(principalName(principalOf(request)), request.query.version, (draft) => {
        Object.assign(draft, after);
        return { action: 'import', target: 'catalog', before: { version: catalog.version }, after: { sections: present, changes } };
      });
      return { version, dryRun: false, changes, ignored, appliesAfterRestart };
    },
  );
};
