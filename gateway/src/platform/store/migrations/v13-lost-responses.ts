import type { Migration } from './migration.ts';

export const v13LostResponses: Migration = {
  version: 13,
  name: 'responses known lost (device sequence gaps, kiosk answers dropped, phone submissions refused for a fault): the collection rate',
  sql: `
    -- One row per thing lost, named by its key so that a later report of the same loss updates it
    -- instead of adding to it: "<device>/<boot>" for the presses a button's counter says never
    -- arrived in that boot (count: the latest such figure), "<kiosk>/<boot>/r<run>" for a kiosk
    -- run every answer of which was refused, "<phone device>/<code>/<submission>" for a phone
    -- submission that failed on a fault of ours. at: when the loss was first seen.
    CREATE TABLE lost_responses (
      key TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      site_id TEXT NOT NULL,
      point_id TEXT NOT NULL,
      count INTEGER NOT NULL,
      at INTEGER NOT NULL
    );
    CREATE INDEX lost_responses_site_at ON lost_responses (site_id, at);
  `,
};
