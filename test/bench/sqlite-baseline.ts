import Database from 'better-sqlite3';
import { join } from 'node:path';

/** Raw batched inserts of answer-shaped rows (WAL, synchronous=NORMAL, 1000 per transaction): the ceiling. */
export function sqliteBaseline(dir: string, rows = 200_000): { rowsPerSecond: number } {
  const db = new Database(join(dir, 'baseline.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE answers (id INTEGER PRIMARY KEY, device_id TEXT NOT NULL, boot INTEGER NOT NULL, seq INTEGER NOT NULL,
    site_id TEXT NOT NULL, point_id TEXT NOT NULL, scale TEXT NOT NULL, value INTEGER NOT NULL, occurred_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL, misuse INTEGER NOT NULL, source TEXT NOT NULL, UNIQUE (device_id, boot, seq))`);
  const insert = db.prepare(
    'INSERT INTO answers (device_id, boot, seq, site_id, point_id, scale, value, occurred_at, received_at, misuse, source) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
  );
  const batch = db.transaction((from: number, to: number) => {
    const now = Date.now();
    for (let i = from; i < to; i++) insert.run(`dev-${i % 50}`, 1, i, 's', 'p', 'smiley4', i % 4, now, now, 0, 'mqtt');
  });
  const started = process.hrtime.bigint();
  for (let i = 0; i < rows; i += 1000) batch(i, Math.min(rows, i + 1000));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return { rowsPerSecond: Math.round(rows / seconds) };
}
