import type { Migration } from './migration.ts';

export const v3SurveysStaffRollups: Migration = {
  version: 3,
  name: 'surveys, staff and skipped answers; rollups by minute, hour, local day and month; traffic, emotions, alerts',
  sql: `
    CREATE TABLE answers_v3 (
      id INTEGER PRIMARY KEY,
      device_id TEXT NOT NULL,
      boot INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      site_id TEXT NOT NULL,
      point_id TEXT NOT NULL,
      staff_id TEXT,
      survey_id TEXT,
      question_id TEXT,
      scale TEXT NOT NULL,
      value INTEGER,                -- NULL: the question was skipped (never in any denominator)
      occurred_at INTEGER NOT NULL,
      received_at INTEGER NOT NULL,
      misuse INTEGER NOT NULL DEFAULT 0,
      source TEXT NOT NULL,
      UNIQUE (device_id, boot, seq)
    );
    INSERT INTO answers_v3 (id, device_id, boot, seq, site_id, point_id, scale, value, occurred_at, received_at, misuse, source)
      SELECT id, device_id, boot, seq, site_id, point_id, scale, value, occurred_at, received_at, misuse, source FROM answers;
    DROP TABLE answers;
    ALTER TABLE answers_v3 RENAME TO answers;
    CREATE INDEX answers_time ON answers (occurred_at);
    DROP TABLE rollup_minute;
    -- Version 4 replaced these tables' layout and fills them from the raw answers.
    ${['minute', 'hour', 'day', 'month']
      .map(
        (level) => `CREATE TABLE rollup_${level} (
          point_id TEXT NOT NULL, bucket INTEGER NOT NULL, device_id TEXT NOT NULL, staff_id TEXT NOT NULL,
          survey_id TEXT NOT NULL, question_id TEXT NOT NULL, scale TEXT NOT NULL, value INTEGER NOT NULL, n INTEGER NOT NULL,
          PRIMARY KEY (point_id, bucket, device_id, staff_id, survey_id, question_id, scale, value)
        ) WITHOUT ROWID;`,
      )
      .join('\n')}
    CREATE TABLE staff (id TEXT PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE shifts (
      id INTEGER PRIMARY KEY,
      staff_id TEXT NOT NULL REFERENCES staff(id),
      point_id TEXT NOT NULL REFERENCES points(id),
      starts_at INTEGER NOT NULL,
      ends_at INTEGER NOT NULL
    );
    CREATE INDEX shifts_point ON shifts (point_id, starts_at);
    -- Customers served per point and period, from a queue system, POS or people counter (or typed in).
    CREATE TABLE customers_served (
      point_id TEXT NOT NULL REFERENCES points(id),
      starts_at INTEGER NOT NULL,
      ends_at INTEGER NOT NULL,
      count INTEGER NOT NULL,
      source TEXT NOT NULL,
      received_at INTEGER NOT NULL,
      PRIMARY KEY (point_id, starts_at, ends_at, source)
    );
    -- What the emotion monitor keeps: counts per camera and window, never an image.
    CREATE TABLE emotion_windows (
      camera_id TEXT NOT NULL,
      site_id TEXT NOT NULL,
      point_id TEXT,
      tag TEXT NOT NULL CHECK (tag IN ('entry', 'exit', 'desk')),
      window_start INTEGER NOT NULL,
      window_ms INTEGER NOT NULL,
      faces INTEGER NOT NULL,
      neutral INTEGER NOT NULL, happy INTEGER NOT NULL, surprise INTEGER NOT NULL, sad INTEGER NOT NULL,
      angry INTEGER NOT NULL, fear INTEGER NOT NULL, disgust INTEGER NOT NULL,
      PRIMARY KEY (camera_id, window_start)
    );
    CREATE INDEX emotion_windows_time ON emotion_windows (site_id, window_start);
    CREATE TABLE alerts (
      id INTEGER PRIMARY KEY,
      rule_id TEXT NOT NULL,
      point_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'closed')),
      fired_at INTEGER NOT NULL,
      value REAL,
      n INTEGER NOT NULL,
      message TEXT NOT NULL,
      acknowledged_by TEXT,
      acknowledged_at INTEGER,
      comment TEXT,
      closed_at INTEGER
    );
    CREATE INDEX alerts_open ON alerts (rule_id, point_id, status);
    CREATE TABLE webhook_deliveries (
      id INTEGER PRIMARY KEY,
      url TEXT NOT NULL,
      event TEXT NOT NULL,
      alert_id INTEGER,
      attempt INTEGER NOT NULL,
      status_code INTEGER,
      error TEXT,
      delivered INTEGER NOT NULL,
      at INTEGER NOT NULL
    );
  `,
};
