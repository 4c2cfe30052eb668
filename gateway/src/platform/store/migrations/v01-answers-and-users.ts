import type { Migration } from './migration.ts';

export const v1AnswersAndUsers: Migration = {
  version: 1,
  name: 'sites, points, devices, answers, minute rollups, users, sessions',
  sql: `
    CREATE TABLE sites (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      time_zone TEXT NOT NULL
    );
    CREATE TABLE points (
      id TEXT PRIMARY KEY,
      site_id TEXT NOT NULL REFERENCES sites(id),
      name TEXT NOT NULL
    );
    CREATE TABLE devices (
      id TEXT PRIMARY KEY,
      site_id TEXT NOT NULL REFERENCES sites(id),
      point_id TEXT NOT NULL REFERENCES points(id),
      kind TEXT NOT NULL,
      buttons INTEGER,
      last_seen_at INTEGER
    );
    -- One row per answer (a button press is an answer on a smiley scale).
    -- (device_id, boot, seq) is the device's own identity of the message: retransmissions collide here.
    CREATE TABLE answers (
      id INTEGER PRIMARY KEY,
      device_id TEXT NOT NULL,
      boot INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      site_id TEXT NOT NULL,
      point_id TEXT NOT NULL,
      scale TEXT NOT NULL,
      value INTEGER NOT NULL,
      occurred_at INTEGER NOT NULL,
      received_at INTEGER NOT NULL,
      misuse INTEGER NOT NULL DEFAULT 0,
      source TEXT NOT NULL,
      UNIQUE (device_id, boot, seq)
    );
    CREATE INDEX answers_point_time ON answers (point_id, occurred_at);
    -- Counts per minute, point, device, scale and value: every index is computed from these buckets.
    CREATE TABLE rollup_minute (
      minute INTEGER NOT NULL,
      point_id TEXT NOT NULL,
      device_id TEXT NOT NULL,
      scale TEXT NOT NULL,
      value INTEGER NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (point_id, minute, device_id, scale, value)
    ) WITHOUT ROWID;
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL UNIQUE,
      password_hash TEXT NOT NULL,
      role TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      expires_at INTEGER NOT NULL
    );
  `,
};
