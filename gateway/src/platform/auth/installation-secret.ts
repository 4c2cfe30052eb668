import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'installation.key';

/**
 * A random key made once per data folder (0600, never logged): it keys the HMAC of CSRF tokens,
 * so they stay valid across restarts and cannot be forged without it.
 */
export function installationSecret(dataDir: string): Buffer {
  const file = join(dataDir, FILE);
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
    if (key.length >= 32) return key;
  }
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64url')}\n`, { mode: 0o600 });
  return key;
}
