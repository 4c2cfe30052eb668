import type { Migration } from './migration.ts';

/** Version 12's response rollup table, as released (frozen: not today's rollup code). */
function v12ResponseRollup(name: string, detail: boolean): string {
  const keys = ['point_id', 'bucket', ...(detail ? ['device_id', 'staff_id'] : []), 'survey_id', 'question_id'];
  const columns = keys.map((k) => `${k} ${k === 'bucket' ? 'INTEGER' : 'TEXT'} NOT NULL`);
  const counts = ['responses', 'negative', 'positive', 'misuse'].map((c) => `${c} INTEGER NOT NULL DEFAULT 0`);
  return `CREATE TABLE ${name} (${[...columns, ...counts].join(', ')}, PRIMARY KEY (${keys.join(', ')})) WITHOUT ROWID;`;
}

export const v12Responses: Migration = {
  version: 12,
  name: 'responses: every answer belongs to one response (a press, a kiosk run, a phone submission); response rollups',
  sql: `
    -- The response an answer belongs to: "<device>/<boot>/<seq>" for a press or a lone answer,
    -- "<device>/<boot>/r<run>" for the answers of one survey run (run: the seq of its first answer).
    -- Answers stored before version 12 kept no run: each is its own response (see docs/metrics.md).
    ALTER TABLE answers ADD COLUMN response_key TEXT;
    -- 1: the response's headline answer (a press; the survey's headline question). NULL: not known
    -- when stored (before version 12); the rebuild reads it from the survey.
    ALTER TABLE answers ADD COLUMN headline INTEGER;
    UPDATE answers SET response_key = device_id || '/' || boot || '/' || seq;
    UPDATE answers SET headline = 1 WHERE question_id IS NULL;
    CREATE INDEX answers_response ON answers (response_key);
    -- One row per response, kept current as its answers arrive (in any order).
    CREATE TABLE responses (
      key TEXT PRIMARY KEY,
      site_id TEXT NOT NULL,
      point_id TEXT NOT NULL,
      device_id TEXT NOT NULL,
      staff_id TEXT,
      survey_id TEXT,
      source TEXT NOT NULL,
      occurred_at INTEGER NOT NULL,   -- its first answer's time: it counts where it began
      counted INTEGER NOT NULL,       -- 1 when at least one of its answers counts (not misuse, not skipped)
      polarity INTEGER NOT NULL,      -- by the counted headline answer: -1 negative, 1 positive, 0 neither
      misuse INTEGER NOT NULL,        -- 1 when it has misuse answers and none counts
      questions TEXT NOT NULL         -- its counted questions' ids, comma-separated ('' for a press)
    ) WITHOUT ROWID;
    CREATE INDEX responses_time ON responses (occurred_at);
    ${['minute', 'hour', 'day', 'month'].map((level) => v12ResponseRollup(`response_rollup_${level}`, true)).join('\n    ')}
    ${['day', 'month'].map((level) => v12ResponseRollup(`response_rollup_point_${level}`, false)).join('\n    ')}
  `,
  rebuilds: ['rollups'],
};
