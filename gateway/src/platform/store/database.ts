import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS, type Migration } from './migrations.ts';
import { ownerOnly } from './data-dir.ts';
import { rebuildRollups } from '../rollups/rebuild.ts';
import type { Db } from './db.ts';

export type { Db };

export interface DatabaseOptions {
  /** full: each commit reaches the disk before it returns (survives a power cut); normal: survives a process crash */
  synchronous?: 'full' | 'normal';
  /** past this size writes fail with SQLITE_FULL, as on a full disk */
  maxSizeMb?: number | undefined;
}

/**
 * Opens (creating if needed) the SQLite file in WAL mode and applies pending migrations. The file
 * is created 0600 (SQLite gives its -wal and -shm files the same mode): it holds password and
 * session hashes.
 */
export function openDatabase(file: string, migrations: Migration[] = MIGRATIONS, options: DatabaseOptions = {}): Db {
  mkdirSync(dirname(file), { recursive: true });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) ownerOnly(f);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  db.pragma('foreign_keys = ON');
  // Deleted and overwritten content is zeroed on disk: an erased customer contact leaves no bytes behind.
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  // 16 MiB of page cache (the default is 2 MiB): index queries over years of rollups stay in memory.
  db.pragma('cache_size = -16000');
  migrate(db, migrations, { rollups: rebuildRollups });
  if (options.maxSizeMb !== undefined) {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.pragma(`max_page_count = ${Math.max(1, Math.floor((options.maxSizeMb * 1024 * 1024) / pageSize))}`);
  }
  return db;
}

/** Applies pending migrations, then rebuilds (with today's code) any derived data they emptied. */
export function migrate(db: Db, migrations: Migration[], rebuild: Record<'rollups', (db: Db) => void>): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  // One transaction: a crash part-way leaves the database as it was, never migrated without its rebuild.
  db.transaction(() => {
    const stale = new Set<'rollups'>();
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
      for (const derived of migration.rebuilds ?? []) stale.add(derived);
    }
    for (const derived of stale) rebuild[derived](db);
  })();
}

/**
 * Whether the disk takes writes again (StoreHealth's probe): commits 64 KiB, which needs fresh
 * pages, then frees them. A small answer can still fit in a page's free space on a full disk, so
 * only this, not any successful commit, tells that the store is writable again.
 */
export function probeWrite(db: Db): void {
  db.prepare(
    'INSERT INTO store_probe (id, at, pad) VALUES (1, ?, zeroblob(65536)) ON CONFLICT (id) DO UPDATE SET at = excluded.at, pad = excluded.pad',
  ).run(Date.now());
  db.prepare('UPDATE store_probe SET pad = NULL WHERE id = 1').run();
}

/** Checkpoints the WAL into the main file and closes; the file then opens cleanly on its own. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
