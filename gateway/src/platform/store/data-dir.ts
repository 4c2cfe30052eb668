import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'gateway.lock';
const PID_FILE = 'gateway.pid';

export class DataDirLocked extends Error {}

/** The data folder, created if needed, readable by the gateway's user only (0700). */
export function prepareDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Makes a file in the data folder readable and writable by the gateway's user only, if it exists. */
export function ownerOnly(file: string): void {
  if (existsSync(file)) chmodSync(file, 0o600);
}

/**
 * Holds an exclusive lock on the data folder for as long as the process lives: a small SQLite
 * file opened in exclusive locking mode inside an open transaction. The operating system drops
 * the lock when the process ends in any way (kill -9 included), so there is never a stale lock
 * to clean up, and a second gateway on the same folder is refused with a clear message.
 */
export function lockDataDir(dir: string): { release(): void } {
  const file = join(dir, LOCK_FILE);
  if (!existsSync(file)) writeFileSync(file, '', { mode: 0o600 });
  ownerOnly(file);
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('journal_mode = MEMORY'); // no journal file beside the lock
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      const pid = existsSync(join(dir, PID_FILE)) ? readFileSync(join(dir, PID_FILE), 'utf8').trim() : 'unknown';
      throw new DataDirLocked(
        `Another gateway (pid ${pid}) is already using the data folder ${dir}; stop it first or give this one another dataDir.`,
      );
    }
    throw error;
  }
  writeFileSync(join(dir, PID_FILE), `${process.pid}\n`, { mode: 0o600 });
  return {
    release: () => {
      if (!db.open) return;
      db.exec('ROLLBACK');
      db.close();
    },
  };
}
