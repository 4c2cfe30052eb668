/** One schema migration (see ../migrations.ts). */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** derived data this migration leaves empty, rebuilt from the raw answers after the migrations */
  rebuilds?: 'rollups'[];
}
