/** Version 4's rollup table, as it was released (frozen: not today's rollup code). */
export function v4RollupTable(name: string, detail: boolean): string {
  const keys = ['point_id', 'bucket', ...(detail ? ['device_id', 'staff_id'] : []), 'survey_id', 'question_id', 'scale', 'value_base'];
  const columns = keys.map((k) => `${k} ${k === 'bucket' || k === 'value_base' ? 'INTEGER' : 'TEXT'} NOT NULL`);
  const counts = Array.from({ length: 11 }, (_, i) => `n${i} INTEGER NOT NULL DEFAULT 0`);
  return `CREATE TABLE ${name} (${[...columns, ...counts].join(', ')}, PRIMARY KEY (${keys.join(', ')})) WITHOUT ROWID;`;
}
