import type { Migration } from './migration.ts';

export const v2DeviceHealth: Migration = {
  version: 2,
  name: 'device registry: identity, health and counters from hello and heartbeat',
  sql: `
    ALTER TABLE devices ADD COLUMN model TEXT;
    ALTER TABLE devices ADD COLUMN firmware TEXT;
    ALTER TABLE devices ADD COLUMN transport TEXT;
    ALTER TABLE devices ADD COLUMN boot INTEGER;
    ALTER TABLE devices ADD COLUMN battery INTEGER;
    ALTER TABLE devices ADD COLUMN rssi INTEGER;
    ALTER TABLE devices ADD COLUMN uptime_ms INTEGER;
    ALTER TABLE devices ADD COLUMN presses_since_boot INTEGER;
    ALTER TABLE devices ADD COLUMN status TEXT;
  `,
};
