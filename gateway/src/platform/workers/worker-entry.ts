import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

/**
 * The file a worker thread runs: under tsx (development, tests) the `.dev.mjs` loader at `dev`,
 * relative to the calling module; in the production bundle, `bundle` beside the gateway's own file.
 */
export function workerEntry(moduleUrl: string, dev: string, bundle: string): string {
  const here = fileURLToPath(moduleUrl);
  return here.endsWith('.ts') ? resolve(dirname(here), dev) : join(dirname(here), bundle);
}
