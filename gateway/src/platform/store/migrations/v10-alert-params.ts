import type { Migration } from './migration.ts';

export const v10AlertParams: Migration = {
  version: 10,
  name: "alerts keep their message's figures, so screens can say it in the reader's language",
  sql: `
    -- JSON: the figures of the message (share, counts, index, bound, window); NULL for older alerts (their English message stays).
    ALTER TABLE alerts ADD COLUMN params TEXT;
  `,
};
