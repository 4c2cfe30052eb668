import type { Config } from '../config/schema.ts';
/** A settings owner's say in a change, from any door (API, YAML import, first-run file, a head-office push). */
export interface SettingsHook {
  /** who owns the state this hook guards, for messages and logs (e.g. 'alerts', 'rollups') */
  owner: string;
  /** refuse a change: return a message naming the key, or undefined to accept */
  validate?(old: Config, next: Config): string | undefined;
  /** apply an accepted change to the state this owner keeps */
  apply?(old: Config, next: Config): void | Promise<void>;
}
