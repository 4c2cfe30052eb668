import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UserRepo } from './user-repo.ts';

export const INITIAL_PASSWORD_FILE = 'initial-admin-password';

/**
 * Creates the first admin on an empty user table. The password comes from configuration, or is
 * generated and written to a file readable only by the gateway's user (never logged); a
 * generated password must be changed at the first sign-in.
 * Returns the file written, if any.
 */
export async function ensureFirstAdmin(users: UserRepo, dataDir: string, configured?: string): Promise<string | undefined> {
  if (users.count() > 0) return undefined;
  const password = configured ?? randomBytes(12).toString('base64url');
  await users.create({ username: 'admin', password, role: 'admin', mustChangePassword: configured === undefined });
  if (configured !== undefined) return undefined;
  const file = join(dataDir, INITIAL_PASSWORD_FILE);
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return file;
}
