export { startGateway, DATABASE_FILE, type Gateway } from './gateway.ts';
export { loadConfig, validateConfig, ConfigError } from './config/load.ts';
export type { Config } from './config/schema.ts';
export { happyIndex, type SmileyCount } from './indices/math/happy-index.ts';
export type { IndexResult } from './indices/math/index-result.ts';
