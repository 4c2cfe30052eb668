import type { Migration } from './migration.ts';

export const v7ClosedLoop: Migration = {
  version: 7,
  name: 'closing the loop: answer notes, cases with deadlines and history, online reviews, reports, self-assessments',
  sql: `
    -- What a customer added to an answer on a terminal: follow-up reasons, a comment, a callback
    -- request. The contact is kept only with consent, and erased on request (set to NULL; the
    -- connection runs with secure_delete, so the old bytes are overwritten).
    CREATE TABLE answer_notes (
      device_id TEXT NOT NULL,
      boot INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      point_id TEXT NOT NULL,
      value INTEGER,
      negative INTEGER NOT NULL,
      reasons TEXT NOT NULL,
      comment TEXT,
      contact TEXT,
      flags TEXT NOT NULL,
      publishable INTEGER NOT NULL DEFAULT 0,
      noted_at INTEGER NOT NULL,
      PRIMARY KEY (device_id, boot, seq)
    ) WITHOUT ROWID;
    CREATE INDEX answer_notes_point ON answer_notes (point_id, noted_at);
    CREATE TABLE cases (
      id INTEGER PRIMARY KEY,
      site_id TEXT NOT NULL,
      point_id TEXT,
      origin TEXT NOT NULL,
      -- what the case came from ('answer:<device>/<boot>/<seq>', 'alert:<id>', 'review:<id>'): one case each
      source_key TEXT,
      category TEXT NOT NULL,
      subcategory TEXT,
      severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 3),
      status TEXT NOT NULL CHECK (status IN ('new', 'acknowledged', 'in_progress', 'resolved', 'closed')),
      department TEXT NOT NULL,
      owner TEXT NOT NULL,
      escalated_to TEXT,
      summary TEXT NOT NULL,
      contact TEXT,
      opened_at INTEGER NOT NULL,
      acknowledged_at INTEGER,
      resolved_at INTEGER,
      closed_at INTEGER,
      overdue_at INTEGER,
      root_cause TEXT,
      customer_confirmed INTEGER,
      follow_up TEXT,
      repeat_of INTEGER REFERENCES cases(id)
    );
    CREATE UNIQUE INDEX cases_source ON cases (source_key) WHERE source_key IS NOT NULL;
    CREATE INDEX cases_point_category ON cases (point_id, category, opened_at);
    CREATE INDEX cases_site_opened ON cases (site_id, opened_at);
    -- Each deadline of a case (respond, plan, resolve), when it was met and whether it was missed.
    CREATE TABLE case_deadlines (
      case_id INTEGER NOT NULL REFERENCES cases(id),
      kind TEXT NOT NULL,
      due_at INTEGER NOT NULL,
      met_at INTEGER,
      missed_at INTEGER,
      PRIMARY KEY (case_id, kind)
    ) WITHOUT ROWID;
    CREATE INDEX case_deadlines_due ON case_deadlines (due_at) WHERE met_at IS NULL AND missed_at IS NULL;
    -- Everything done to a case, by whom and when (never the customer's contact itself).
    CREATE TABLE case_events (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id),
      at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      detail TEXT
    );
    CREATE INDEX case_events_case ON case_events (case_id, id);
    CREATE TABLE reviews (
      id INTEGER PRIMARY KEY,
      site_id TEXT NOT NULL,
      platform TEXT NOT NULL,
      external_id TEXT,
      link TEXT,
      dedupe_key TEXT NOT NULL UNIQUE,
      published_at INTEGER NOT NULL,
      imported_at INTEGER NOT NULL,
      author TEXT,
      rating REAL,
      text TEXT,
      sentiment TEXT NOT NULL,
      sentiment_from TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('new', 'in_work', 'answered', 'passed_to_quality')),
      reply TEXT,
      reply_due_at INTEGER NOT NULL,
      answered_at INTEGER,
      answered_by TEXT,
      case_id INTEGER REFERENCES cases(id)
    );
    CREATE INDEX reviews_site_published ON reviews (site_id, published_at);
    -- The daily "reviews checked" mark, and the days it was missing at 11:00 local time.
    CREATE TABLE review_checks (
      site_id TEXT NOT NULL,
      day INTEGER NOT NULL,
      checked_at INTEGER,
      checked_by TEXT,
      violation_at INTEGER,
      PRIMARY KEY (site_id, day)
    ) WITHOUT ROWID;
    CREATE TABLE reports (
      id INTEGER PRIMARY KEY,
      site_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('weekly', 'on_demand')),
      period_from INTEGER NOT NULL,
      period_to INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      created_by TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'ready', 'failed')),
      error TEXT
    );
    -- Exactly one weekly report per site and week, whatever restarts or clock changes happen.
    CREATE UNIQUE INDEX reports_weekly ON reports (site_id, period_from) WHERE kind = 'weekly';
    CREATE TABLE report_files (
      report_id INTEGER NOT NULL REFERENCES reports(id),
      format TEXT NOT NULL,
      content BLOB NOT NULL,
      PRIMARY KEY (report_id, format)
    ) WITHOUT ROWID;
    CREATE TABLE report_deliveries (
      report_id INTEGER NOT NULL REFERENCES reports(id),
      recipient TEXT NOT NULL,
      at INTEGER NOT NULL,
      error TEXT,
      PRIMARY KEY (report_id, recipient)
    ) WITHOUT ROWID;
    CREATE TABLE self_assessments (
      id INTEGER PRIMARY KEY,
      site_id TEXT,
      taken_at INTEGER NOT NULL,
      taken_by TEXT NOT NULL,
      answers TEXT NOT NULL,
      score REAL NOT NULL
    );
  `,
};
