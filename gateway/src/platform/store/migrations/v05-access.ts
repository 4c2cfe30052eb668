import type { Migration } from './migration.ts';

export const v5Access: Migration = {
  version: 5,
  name: 'roles scoped to sites, forced password change, scoped API tokens, a store probe row',
  sql: `
    UPDATE users SET role = 'viewer' WHERE role NOT IN ('admin', 'manager', 'viewer');
    ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE user_sites (
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      site_id TEXT NOT NULL,
      PRIMARY KEY (user_id, site_id)
    ) WITHOUT ROWID;
    ALTER TABLE sessions ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX sessions_user ON sessions (user_id);
    -- Scoped tokens (integration, kiosk, screen, device): only a hash of the secret is kept.
    CREATE TABLE api_tokens (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      scopes TEXT NOT NULL,
      site_ids TEXT,
      point_id TEXT,
      device_id TEXT,
      created_by TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      last_used_at INTEGER,
      revoked_at INTEGER
    );
    -- One row the store health probe rewrites to learn whether the disk takes writes again.
    CREATE TABLE store_probe (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, pad BLOB);
  `,
};
