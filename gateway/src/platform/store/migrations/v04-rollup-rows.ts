import type { Migration } from './migration.ts';
import { v4RollupTable } from './v04-rollup-table.ts';

export const v4RollupRows: Migration = {
  version: 4,
  name: 'rollups with the counts of a key in one row, per point (no device or staff) for days and months; shifts by staff',
  sql: `
    DROP TABLE rollup_minute; DROP TABLE rollup_hour; DROP TABLE rollup_day; DROP TABLE rollup_month;
    ${['rollup_minute', 'rollup_hour', 'rollup_day', 'rollup_month'].map((t) => v4RollupTable(t, true)).join('\n')}
    ${['rollup_point_day', 'rollup_point_month'].map((t) => v4RollupTable(t, false)).join('\n')}
    CREATE INDEX shifts_staff ON shifts (staff_id, starts_at);
  `,
  // Filled from the raw answers after the migrations (a one-time cost at the upgrade, as `npm run rollups:rebuild`).
  rebuilds: ['rollups'],
};
