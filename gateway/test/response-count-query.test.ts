import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase, type Db } from '../src/platform/store/database.ts';
import { ResponseCountQuery, sumResponses } from '../src/platform/rollups/response-count-query.ts';
import type { Segment } from '../src/platform/rollups/range-plan.ts';

/** Rows put straight into the response rollups with SQL: the query is tested apart from the writer that fills them. */
let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fb-responses-'));
  db = openDatabase(join(dir, 'test.db'));
  const detail = db.prepare(
    `INSERT INTO response_rollup_minute (point_id, bucket, device_id, survey_id, question_id, responses, negative, positive, misuse)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const staff = db.prepare(
    `INSERT INTO response_staff_rollup_minute (point_id, bucket, device_id, staff_id, survey_id, question_id, responses, negative, positive, misuse)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // minute 100 at the desk: 3 kiosk runs (survey exit): r1 negative, answered "wait", all on anna's shift; r2 positive,
  // begun on anna's shift and "wait" answered on ben's; r3 negative, without "wait", on ben's shift. 2 presses and a
  // misuse press of the button on anna's shift.
  detail.run('desk', 100, 'kiosk', 'exit', '', 3, 2, 1, 0);
  detail.run('desk', 100, 'kiosk', 'exit', 'wait', 2, 1, 1, 0);
  detail.run('desk', 100, 'button', '', '', 2, 0, 2, 1);
  staff.run('desk', 100, 'kiosk', 'anna', 'exit', '', 2, 1, 1, 0); // r1, r2
  staff.run('desk', 100, 'kiosk', 'anna', 'exit', 'wait', 1, 1, 0, 0); // r1
  staff.run('desk', 100, 'kiosk', 'ben', 'exit', '', 2, 1, 1, 0); // r2, r3
  staff.run('desk', 100, 'kiosk', 'ben', 'exit', 'wait', 1, 0, 1, 0); // r2
  staff.run('desk', 100, 'button', 'anna', '', '', 2, 0, 2, 1);
  // minute 101 at the door: 1 negative press by no one on shift
  detail.run('door', 101, 'button-2', '', '', 1, 1, 0, 0);
  staff.run('door', 101, 'button-2', '', '', '', 1, 1, 0, 0);
  // minute 105: outside the segments below
  detail.run('desk', 105, 'button', '', '', 7, 7, 0, 0);
  staff.run('desk', 105, 'button', '', '', '', 7, 7, 0, 0);
  db.prepare(
    `INSERT INTO response_rollup_point_day (point_id, bucket, survey_id, question_id, responses, negative, positive, misuse)
     VALUES ('desk', 20260601, 'exit', '', 4, 3, 0, 0)`,
  ).run();
  db.prepare(
    `INSERT INTO response_staff_rollup_day (point_id, bucket, device_id, staff_id, survey_id, question_id, responses, negative, positive, misuse)
     VALUES ('desk', 20260601, 'kiosk', 'ben', 'exit', '', 4, 3, 0, 0)`,
  ).run();
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const minutes: Segment[] = [{ level: 'minute', fromBucket: 100, toBucket: 102 }];
const total = (rows: ReturnType<ResponseCountQuery['counts']>) => sumResponses(rows);

describe('response counts from the response rollups', () => {
  it('counts the responses themselves (question "") of the points, each once, summed over devices and surveys', () => {
    const q = new ResponseCountQuery(db);
    expect(total(q.counts(minutes, { pointIds: ['desk', 'door'] }))).toEqual({ responses: 6, negative: 3, positive: 3, misuse: 1 });
    expect(total(q.counts(minutes, { pointIds: ['door'] }))).toEqual({ responses: 1, negative: 1, positive: 0, misuse: 0 });
  });

  it('honours the device, channel, staff, survey and question filters', () => {
    const q = new ResponseCountQuery(db);
    const points = ['desk', 'door'];
    expect(total(q.counts(minutes, { pointIds: points, deviceId: 'button' }))).toMatchObject({ responses: 2, negative: 0 });
    expect(total(q.counts(minutes, { pointIds: points, deviceIds: ['button', 'button-2'] }))).toMatchObject({ responses: 3, negative: 1 });
    expect(q.counts(minutes, { pointIds: points, deviceIds: [] })).toEqual([]);
    // a staff member: the responses with a counted answer on their shift (r2 counts for both)
    expect(total(q.counts(minutes, { pointIds: points, staffId: 'anna' }))).toEqual({ responses: 4, negative: 1, positive: 3, misuse: 1 });
    expect(total(q.counts(minutes, { pointIds: points, staffId: 'ben' }))).toEqual({ responses: 2, negative: 1, positive: 1, misuse: 0 });
    // and a question: those that answered it on their shift
    expect(total(q.counts(minutes, { pointIds: points, staffId: 'anna', questionId: 'wait' }))).toMatchObject({
      responses: 1,
      negative: 1,
    });
    expect(total(q.counts(minutes, { pointIds: points, staffId: 'ben', questionId: 'wait' }))).toMatchObject({ responses: 1, positive: 1 });
    expect(total(q.counts(minutes, { pointIds: points, staffId: 'ben', deviceId: 'button' }))).toMatchObject({ responses: 0 });
    expect(total(q.counts(minutes, { pointIds: points, surveyId: 'exit' }))).toMatchObject({ responses: 3, negative: 2, positive: 1 });
    // with a question: the responses that answered it, negative/positive still by their headline
    expect(total(q.counts(minutes, { pointIds: points, questionId: 'wait' }))).toEqual({
      responses: 2,
      negative: 1,
      positive: 1,
      misuse: 0,
    });
  });

  it('groups by point, staff and bucket', () => {
    const q = new ResponseCountQuery(db);
    const byPoint = q.counts(minutes, { pointIds: ['desk', 'door'] }, 'point').map((r) => [r.group, r.responses]);
    expect(byPoint.sort()).toEqual([
      ['desk', 5],
      ['door', 1],
    ]);
    const byStaff = q.counts(minutes, { pointIds: ['desk', 'door'] }, 'staff').map((r) => [r.group, r.responses]);
    // each person's responses: r2 in both anna's and ben's, so the groups add up to more than the 6 responses
    expect(byStaff.sort()).toEqual([
      ['', 1],
      ['anna', 4],
      ['ben', 2],
    ]);
    const byMinute = q.counts([{ level: 'minute', fromBucket: 100, toBucket: 106 }], { pointIds: ['desk'] }, 'bucket');
    expect(byMinute.map((r) => [r.group, r.responses]).sort()).toEqual([
      [100, 5],
      [105, 7],
    ]);
  });

  it('reads the per-point table at day level when no device or staff is asked for, and sums segments', () => {
    const q = new ResponseCountQuery(db);
    const segments: Segment[] = [{ level: 'day', fromBucket: 20260601, toBucket: 20260602 }, ...minutes];
    expect(total(q.counts(segments, { pointIds: ['desk'] }))).toEqual({ responses: 9, negative: 5, positive: 3, misuse: 1 });
    expect(q.counts(segments, { pointIds: [] })).toEqual([]);
    // a staff filter reads the staff rollups at every level
    expect(total(q.counts(segments, { pointIds: ['desk'], staffId: 'ben' }))).toEqual({
      responses: 6,
      negative: 4,
      positive: 1,
      misuse: 0,
    });
  });
});
