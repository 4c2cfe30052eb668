import type { Migration } from './migration.ts';

export const v6DeviceBoots: Migration = {
  version: 6,
  name: 'per device and boot: duplicates and refusals by reason',
  sql: `
    -- What happened to a device's messages in each boot, besides the answers stored: kind is
    -- 'duplicate' or 'refused:<reason>'. Counted in memory and added here every few seconds.
    CREATE TABLE device_boot_tallies (
      device_id TEXT NOT NULL,
      boot INTEGER NOT NULL,
      kind TEXT NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (device_id, boot, kind)
    ) WITHOUT ROWID;
  `,
};
