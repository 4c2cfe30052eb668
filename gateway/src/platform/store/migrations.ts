/**
 * Schema migrations, applied in order at start inside one transaction each. Never edit a released
 * one, and never call today's code from one: each holds its own SQL, so an old database upgrades
 * the same way whatever the code does later. Derived data (the rollups) is not migrated but
 * rebuilt: a migration that changes it says so, and the store rebuilds it with the code of the
 * day once every migration has run.
 */
export type { Migration } from './migrations/migration.ts';
import type { Migration } from './migrations/migration.ts';
import { v12Responses } from './migrations/v12-responses.ts';

/** Version 4's rollup table, as it was released (frozen: not today's rollup code). */
function v4RollupTable(name: string, detail: boolean): string {
  const keys = ['point_id', 'bucket', ...(detail ? ['device_id', 'staff_id'] : []), 'survey_id', 'question_id', 'scale', 'value_base'];
  const columns = keys.map((k) => `${k} ${k === 'bucket' || k === 'value_base' ? 'INTEGER' : 'TEXT'} NOT NULL`);
  const counts = Array.from({ length: 11 }, (_, i) => `n${i} INTEGER NOT NULL DEFAULT 0`);
  return `CREATE TABLE ${name} (${[...columns, ...counts].join(', ')}, PRIMARY KEY (${keys.join(', ')})) WITHOUT ROWID;`;
}

export const MIGRATIONS: Migration[] = [
  {
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
  },
  {
    version: 2,
    name: 'device registry: identity, health and counters from hello and heartbeat',
    sql: `
      ALTER TABLE devices ADD COLUMN model TEXT;
      ALTER TABLE devices ADD COLUMN firmware TEXT;
      ALTER TABLE devices ADD COLUMN transport TEXT;
      ALTER TABLE devices ADD COLUMN boot INTEGER;
      ALTER TABLE devices ADD COLUMN battery INTEGER;
      ALTER TABLE devices ADD COLUMN rssi INTEGER;
      ALTER TABLE devices ADD COLUMN uptime_ms INTEGER;
      ALTER TABLE devices ADD COLUMN presses_since_boot INTEGER;
      ALTER TABLE devices ADD COLUMN status TEXT;
    `,
  },
  {
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
  },
  {
    version: 4,
    name: 'rollups with the counts of a key in one row, per point (no device or staff) for days and months; shifts by staff',
    sql: `
      DROP TABLE rollup_minute; DROP TABLE rollup_hour; DROP TABLE rollup_day; DROP TABLE rollup_month;
      ${['rollup_minute', 'rollup_hour', 'rollup_day', 'rollup_month'].map((t) => v4RollupTable(t, true)).join('\n')}
      ${['rollup_point_day', 'rollup_point_month'].map((t) => v4RollupTable(t, false)).join('\n')}
      CREATE INDEX shifts_staff ON shifts (staff_id, starts_at);
    `,
    // Filled from the raw answers after the migrations (a one-time cost at the upgrade, as `npm run rollups:rebuild`).
    rebuilds: ['rollups'],
  },
  {
    version: 5,
    name: 'roles scoped to sites, forced password change, scoped API tokens, a store probe row',
    sql: `
      UPDATE users SET role = 'viewer' WHERE role NOT IN ('admin', 'manager', 'viewer');
      ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE user_sites (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        site_id TEXT NOT NULL,
        PRIMARY KEY (user_id, site_id)
      ) WITHOUT ROWID;
      ALTER TABLE sessions ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX sessions_user ON sessions (user_id);
      -- Scoped tokens (integration, kiosk, screen, device): only a hash of the secret is kept.
      CREATE TABLE api_tokens (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        scopes TEXT NOT NULL,
        site_ids TEXT,
        point_id TEXT,
        device_id TEXT,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_used_at INTEGER,
        revoked_at INTEGER
      );
      -- One row the store health probe rewrites to learn whether the disk takes writes again.
      CREATE TABLE store_probe (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, pad BLOB);
    `,
  },
  {
    version: 6,
    name: 'per device and boot: duplicates and refusals by reason',
    sql: `
      -- What happened to a device's messages in each boot, besides the answers stored: kind is
      -- 'duplicate' or 'refused:<reason>'. Counted in memory and added here every few seconds.
      CREATE TABLE device_boot_tallies (
        device_id TEXT NOT NULL,
        boot INTEGER NOT NULL,
        kind TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (device_id, boot, kind)
      ) WITHOUT ROWID;
    `,
  },
  {
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
  },
  {
    version: 8,
    name: 'anonymous staff pulse answers by site and local week',
    sql: `
      -- No staff identity, no device, no time finer than the week: an answer cannot be traced to a person.
      -- The key is the terminal's random idempotency key, so a resent answer is stored once.
      CREATE TABLE staff_pulse (
        key TEXT PRIMARY KEY,
        site_id TEXT NOT NULL,
        week INTEGER NOT NULL,
        enps INTEGER CHECK (enps BETWEEN 0 AND 10),
        drained INTEGER CHECK (drained BETWEEN 1 AND 5)
      ) WITHOUT ROWID;
      CREATE INDEX staff_pulse_site_week ON staff_pulse (site_id, week);
    `,
  },
  {
    version: 9,
    name: 'survey codes for phones: a standing code per point, one-time codes per served customer',
    sql: `
      -- Only a hash of each code is kept. A one-time code is used once (used_at), a standing one
      -- counts its submissions (the seq of the answers it brings).
      CREATE TABLE survey_codes (
        id INTEGER PRIMARY KEY,
        code_hash TEXT NOT NULL UNIQUE,
        point_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('standing', 'once')),
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        expires_at INTEGER,
        used_at INTEGER,
        revoked_at INTEGER,
        submissions INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX survey_codes_point ON survey_codes (point_id, kind);
    `,
  },
  {
    version: 10,
    name: "alerts keep their message's figures, so screens can say it in the reader's language",
    sql: `
      -- JSON: the figures of the message (share, counts, index, bound, window); NULL for older alerts (their English message stays).
      ALTER TABLE alerts ADD COLUMN params TEXT;
    `,
  },
  {
    version: 11,
    name: 'settings in the database: the catalog (sites, points, devices, surveys, alert rules, webhooks) and the audit log',
    sql: `
      -- One row: the catalog document (JSON) and its version, bumped by every change. The YAML
      -- file seeds it when it is empty; afterwards the database is the truth.
      CREATE TABLE catalog (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL,
        document TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL
      );
      -- Who changed what, when: before and after as JSON, secrets left out.
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        before TEXT,
        after TEXT
      );
      CREATE INDEX audit_log_at ON audit_log (at);
    `,
  },
  v12Responses,
];
