import type Database from 'better-sqlite3';

/** An open SQLite database (better-sqlite3). */
export type Db = Database.Database;
