import type { Config } from '../config/schema.ts';
import { ConfigError, validateConfig } from '../config/load.ts';
import { CATALOG_SECTIONS, catalogOf, withSecretsMasked, type Catalog } from '../config/catalog.ts';
import { Refused } from '../../core/refused.ts';
import type { CatalogRepo, StoredCatalog } from './catalog-repo.ts';
import type { AuditRepo } from './audit-repo.ts';
import { SettingsHooks, type SettingsHook } from './settings-hooks.ts';
import { appliesAfterRestart, RESTART_REQUIRED, type CatalogPath } from './restart-required.ts';

/** What a change did, for the audit log (secrets are masked before it is written). */
export interface CatalogEdit {
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
}

export interface LiveCatalogDeps {
  repo: CatalogRepo;
  audit: AuditRepo;
  /** the configuration from the file and the environment (its catalog seeds an empty database) */
  file: Config;
  /** what the running configuration adds to the stored catalog (the demo topology); never stored */
  decorate?: (config: Config) => Config;
  now?: () => number;
  /** told when an owner's apply hook fails (the change is stored, and the other owners still apply it) */
  onApplyError?: (owner: string, error: unknown) => void;
  /** the catalog keys that apply only after a restart (tests name their own) */
  restartRequired?: readonly CatalogPath[];
}

/** What a stored change answers: its version, and the keys it touched that apply only after a restart. */
export interface CatalogChanged {
  version: number;
  appliesAfterRestart: string[];
}

/**
 * The catalog the gateway runs on, kept in the database. A change is validated with the same
 * schemas and reference checks as the file, written with its audit row in one transaction (and
 * refused when another change came first), then applied live. Every change, whatever its door
 * (the settings API, a YAML import), first asks every owner's validate hook (any may refuse), and
 * once stored runs every owner's apply hook with the old and the new configuration. The running
 * configuration's catalog arrays are also replaced in place, for the parts that read them where
 * they use them. The first-run seed stores the file's catalog before any owner exists: each owner
 * starts from it.
 */
export class LiveCatalog {
  readonly config: Config;
  private stored: StoredCatalog;
  /** the configuration the hooks last saw: a snapshot apart from `config`, which is changed in place */
  private current: Config;
  private readonly hooks: SettingsHooks;
  private readonly decorate: (config: Config) => Config;
  private readonly now: () => number;

  constructor(private readonly deps: LiveCatalogDeps) {
    this.decorate = deps.decorate ?? ((c) => c);
    this.now = deps.now ?? Date.now;
    const stored = deps.repo.load() ?? this.seed();
    let merged: Config;
    try {
      merged = validateConfig({ ...deps.file, ...stored.catalog });
    } catch (error) {
      if (error instanceof ConfigError)
        throw new ConfigError(
          `The settings stored in the database (version ${stored.version}) are not valid:${error.message.replace(/^Invalid configuration:/, '')}`,
        );
      throw error;
    }
    this.stored = stored;
    this.config = this.decorate(merged);
    this.current = structuredClone(this.config);
    this.hooks = new SettingsHooks(
      deps.onApplyError ??
        ((owner, error) => {
          throw new Error(`The settings were stored, but ${owner} could not apply them`, { cause: error });
        }),
    );
  }

  private seed(): StoredCatalog {
    const catalog = catalogOf(this.deps.file);
    const at = this.now();
    this.deps.repo.db.transaction(() => {
      this.deps.repo.save(1, catalog, at, 'configuration file');
      this.deps.audit.record({
        at,
        actor: 'configuration file',
        action: 'seed',
        target: 'catalog',
        before: null,
        after: withSecretsMasked(catalog),
      });
    })();
    return { version: 1, catalog, updatedAt: at, updatedBy: 'configuration file' };
  }

  get version(): number {
    return this.stored.version;
  }

  get updated(): { at: number; by: string } {
    return { at: this.stored.updatedAt, by: this.stored.updatedBy };
  }

  /** The stored catalog (a copy; without what the running configuration adds). */
  catalog(): Catalog {
    return structuredClone(this.stored.catalog);
  }

  /** An owner's validate and apply hooks, run on every change from now on (in the order added); returns its removal. */
  addHook(hook: SettingsHook): () => void {
    return this.hooks.add(hook);
  }

  /**
   * Edits a copy of the catalog, validates it (schemas, references, then every owner's hook),
   * stores it as the next version with its audit row, and applies it (every owner's hook, awaited).
   * `expectedVersion`, when given, must be the current one (else 409).
   */
  async change(actor: string, expectedVersion: number | undefined, edit: (draft: Catalog) => CatalogEdit): Promise<CatalogChanged> {
    if (expectedVersion !== undefined && expectedVersion !== this.stored.version) {
      throw new Refused(
        'conflict',
        `The settings changed meanwhile (now version ${this.stored.version}, you edited ${expectedVersion}); reload and try again`,
      );
    }
    const draft = structuredClone(this.stored.catalog);
    const described = edit(draft);
    const validated = this.validate(draft);
    const old = this.current;
    const next = this.decorate(validated);
    this.hooks.validate(old, next);
    const catalog = catalogOf(validated);
    const version = this.stored.version + 1;
    const at = this.now();
    this.deps.repo.db.transaction(() => {
      if (!this.deps.repo.save(version, catalog, at, actor))
        throw new Refused('conflict', 'The settings changed meanwhile; reload and try again');
      this.deps.audit.record({
        at,
        actor,
        action: described.action,
        target: described.target,
        before: described.before ?? null,
        after: described.after ?? null,
      });
    })();
    this.stored = { version, catalog, updatedAt: at, updatedBy: actor };
    this.current = next;
    this.replaceInPlace(structuredClone(next));
    await this.hooks.apply(old, next);
    return { version, appliesAfterRestart: appliesAfterRestart(old, next, this.deps.restartRequired ?? RESTART_REQUIRED) };
  }

  /** The keys that apply only after a restart which changing to this catalog would touch. */
  appliesAfterRestart(catalog: Catalog): string[] {
    return appliesAfterRestart(this.current, this.decorate(this.validate(catalog)), this.deps.restartRequired ?? RESTART_REQUIRED);
  }

  /** The configuration this catalog would make, or a refusal naming every bad key (400). */
  validate(catalog: Catalog): Config {
    try {
      return validateConfig({ ...this.deps.file, ...catalog });
    } catch (error) {
      if (error instanceof ConfigError)
        throw new Refused('invalid', error.message.replace(/^Invalid configuration:\n\s*/, '').replace(/\n\s*/g, '; '));
      throw error;
    }
  }

  private replaceInPlace(next: Config): void {
    const running = this.config as unknown as Record<string, unknown>;
    for (const section of CATALOG_SECTIONS) {
      const value = next[section] as unknown;
      if (Array.isArray(value)) (running[section] as unknown[]).splice(0, Infinity, ...value);
    }
    const { rules, ...alertSettings } = next.alerts;
    Object.assign(this.config.alerts, alertSettings);
    this.config.alerts.rules.splice(0, Infinity, ...rules);
  }
}
