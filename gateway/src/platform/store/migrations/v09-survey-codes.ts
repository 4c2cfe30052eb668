import type { Migration } from './migration.ts';

export const v9SurveyCodes: Migration = {
  version: 9,
  name: 'survey codes for phones: a standing code per point, one-time codes per served customer',
  sql: `
    -- Only a hash of each code is kept. A one-time code is used once (used_at), a standing one
    -- counts its submissions (the seq of the answers it brings).
    CREATE TABLE survey_codes (
      id INTEGER PRIMARY KEY,
      code_hash TEXT NOT NULL UNIQUE,
      point_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('standing', 'once')),
      created_at INTEGER NOT NULL,
      created_by TEXT NOT NULL,
      expires_at INTEGER,
      used_at INTEGER,
      revoked_at INTEGER,
      submissions INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX survey_codes_point ON survey_codes (point_id, kind);
  `,
};
