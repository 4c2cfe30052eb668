import type { Migration } from './migration.ts';

export const v8ReportsAssessmentPulse: Migration = {
  version: 8,
  name: 'anonymous staff pulse answers by site and local week',
  sql: `
    -- No staff identity, no device, no time finer than the week: an answer cannot be traced to a person.
    -- The key is the terminal's random idempotency key, so a resent answer is stored once.
    CREATE TABLE staff_pulse (
      key TEXT PRIMARY KEY,
      site_id TEXT NOT NULL,
      week INTEGER NOT NULL,
      enps INTEGER CHECK (enps BETWEEN 0 AND 10),
      drained INTEGER CHECK (drained BETWEEN 1 AND 5)
    ) WITHOUT ROWID;
    CREATE INDEX staff_pulse_site_week ON staff_pulse (site_id, week);
  `,
};
