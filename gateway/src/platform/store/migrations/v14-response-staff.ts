import type { Migration } from './migration.ts';

/** A version-14 response rollup table, as released (frozen: not today's rollup code). */
function v14ResponseRollup(name: string, keys: string[]): string {
  const columns = keys.map((k) => `${k} ${k === 'bucket' ? 'INTEGER' : 'TEXT'} NOT NULL`);
  const counts = ['responses', 'negative', 'positive', 'misuse'].map((c) => `${c} INTEGER NOT NULL DEFAULT 0`);
  return `CREATE TABLE ${name} (${[...columns, ...counts].join(', ')}, PRIMARY KEY (${keys.join(', ')})) WITHOUT ROWID;`;
}

const LEVELS = ['minute', 'hour', 'day', 'month'];

export const v14ResponseStaff: Migration = {
  version: 14,
  name: 'responses belong to everyone on shift at one of their counted answers: staff-keyed response rollups',
  sql: `
    -- METRICS.md "Precise readings": a staff filter chooses a response when one of its counted answers
    -- was given on that person's shift. Version 12 kept one staff member per response (its earliest
    -- answer's, even a skipped one) in responses.staff_id and keyed the detail response rollups by it.
    -- responses.staff: who was on shift at its counted and misuse answers, a JSON array of
    -- [staff id ('' = no one), counted 1/0, the question ids counted on their shift]; staff_id stays
    -- the earliest answer's staff (where the response began).
    ALTER TABLE responses ADD COLUMN staff TEXT NOT NULL DEFAULT '[]';
    -- The detail response rollups lose staff_id (each response counts once there, by device), and
    -- response_staff_rollup_<level> count a response once for each person it belongs to (read only to
    -- filter or group by staff: summed over people, a response may count more than once).
    ${LEVELS.map((level) => `DROP TABLE response_rollup_${level};`).join('\n    ')}
    ${LEVELS.map((level) => v14ResponseRollup(`response_rollup_${level}`, ['point_id', 'bucket', 'device_id', 'survey_id', 'question_id'])).join('\n    ')}
    ${LEVELS.map((level) =>
      v14ResponseRollup(`response_staff_rollup_${level}`, ['point_id', 'bucket', 'device_id', 'staff_id', 'survey_id', 'question_id']),
    ).join('\n    ')}
  `,
  // Derived data: responses (staff column included) and every response rollup are rebuilt from the
  // raw answers with today's code once the migrations have run.
  rebuilds: ['rollups'],
};
