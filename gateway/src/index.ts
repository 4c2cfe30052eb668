export { startGateway, DATABASE_FILE, type Gateway } from './main/gateway.ts';
export { loadConfig, validateConfig, ConfigError } from './platform/config/load.ts';
export type { Config } from './platform/config/schema.ts';
export { happyIndex, type SmileyCount } from './modules/indices/math/happy-index.ts';
export type { IndexResult } from './modules/indices/math/index-result.ts';
