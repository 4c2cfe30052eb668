import type { Migration } from './migration.ts';

export const v11CatalogAndAudit: Migration = {
  version: 11,
  name: 'settings in the database: the catalog (sites, points, devices, surveys, alert rules, webhooks) and the audit log',
  sql: `
    -- One row: the catalog document (JSON) and its version, bumped by every change. The YAML
    -- file seeds it when it is empty; afterwards the database is the truth.
    CREATE TABLE catalog (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      version INTEGER NOT NULL,
      document TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      updated_by TEXT NOT NULL
    );
    -- Who changed what, when: before and after as JSON, secrets left out.
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      target TEXT NOT NULL,
      before TEXT,
      after TEXT
    );
    CREATE INDEX audit_log_at ON audit_log (at);
  `,
};
