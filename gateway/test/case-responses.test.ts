import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { storeFixture, type StoreFixture } from './helpers/store-fixture.ts';
import { CaseRepo } from '../src/modules/cases/case-repo.ts';
import { CaseService } from '../src/modules/cases/case-service.ts';
import { startCaseRules } from '../src/modules/cases/case-rules.ts';
import { siteCalendars } from '../src/modules/cases/site-calendars.ts';
import { EventBus } from '../src/platform/events/bus.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { validateConfig } from '../src/platform/config/load.ts';
import type { AnswerNote } from '../src/modules/ingest/answer-note.ts';
import { AnswerNoteRepo } from '../src/modules/ingest/answer-note-repo.ts';

const SITE = { id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' };
const berlin = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' }).toMillis();
const logger = createLogger('silent');

let f: StoreFixture | undefined;
afterEach(() => {
  f?.close();
  f = undefined;
});

function setUp() {
  const config = validateConfig({ sites: [SITE], points: [{ id: 'desk', siteId: 'berlin', name: 'Desk' }] });
  f = storeFixture({ sites: config.sites, points: [{ id: 'desk', siteId: 'berlin' }] });
  let now = berlin('2026-11-23T10:00'); // a Monday morning
  const bus = new EventBus();
  const repo = new CaseRepo(f.db);
  const cases = new CaseService({ repo, bus, config: config.cases, calendarOf: siteCalendars(config.sites), now: () => now });
  const stop = startCaseRules({
    bus,
    cases,
    config: config.cases,
    siteOfPoint: () => 'berlin',
    forgetContact: (n) => new AnswerNoteRepo(f!.db).forgetContact(n),
    logger,
  });
  return { bus, cases, repo, stop, db: f.db, setNow: (ms: number) => (now = ms) };
}

const note = (seq: number, extra: Partial<AnswerNote>): AnswerNote => ({
  deviceId: 'dev-desk',
  boot: 1,
  seq,
  siteId: 'berlin',
  pointId: 'desk',
  scale: 'csat5',
  value: 1,
  negative: true,
  reasons: [],
  comment: null,
  contact: null,
  flags: [],
  notedAt: berlin('2026-11-23T10:00'),
  responseKey: `dev-desk/1/${seq}`,
  ...extra,
});

describe('one case per response', () => {
  it('a kiosk run with a reason, a comment and a callback request opens one case holding all three', async () => {
    const s = setUp();
    const seqs = [9001, 9002, 9003];
    await f!.write(seqs.map((seq) => ({ deviceId: 'dev-desk', seq, scale: 'csat5', value: 1, occurredAt: berlin('2026-11-23T09:59') })));
    s.db.prepare(`UPDATE answers SET response_key = 'dev-desk/1/r9001' WHERE device_id = 'dev-desk' AND seq IN (9001, 9002, 9003)`).run();

    s.bus.emit('note:stored', note(9001, { responseKey: 'dev-desk/1/r9001', reasons: ['product:cold-coffee'] }));
    s.bus.emit('note:stored', note(9002, { responseKey: 'dev-desk/1/r9001', comment: 'The coffee was cold again' }));
    s.bus.emit('note:stored', note(9003, { responseKey: 'dev-desk/1/r9001', contact: '+4930123456' }));
    s.stop();

    const all = s.repo.list({ limit: 10 });
    expect(all).toHaveLength(1);
    const c = all[0]!;
    expect(c.sourceKey).toBe('response:dev-desk/1/r9001');
    expect(c.category).toBe('product');
    expect(c.summary).toContain('product:cold-coffee');
    expect(c.summary).toContain('The coffee was cold again');
    expect(c.contact).toBe('+4930123456');
    expect(s.repo.history(c.id).map((h) => h.action)).toEqual(['opened', 'amended', 'amended']);
  });

  it('two presses are two responses and open two cases; the same note seen twice changes nothing', async () => {
    const s = setUp();
    await f!.write([
      { deviceId: 'dev-desk', seq: 9101, value: 0 },
      { deviceId: 'dev-desk', seq: 9102, value: 0 },
    ]);
    s.db.prepare(`UPDATE answers SET response_key = device_id || '/' || boot || '/' || seq WHERE seq IN (9101, 9102)`).run();
    const first = note(9101, { scale: 'smiley4', value: 0, comment: 'rude' });
    s.bus.emit('note:stored', first);
    s.bus.emit('note:stored', first);
    s.bus.emit('note:stored', note(9102, { scale: 'smiley4', value: 0, comment: 'slow' }));
    s.stop();
    const keys = s.repo
      .list({ limit: 10 })
      .map((c) => c.sourceKey)
      .sort();
    expect(keys).toEqual(['response:dev-desk/1/9101', 'response:dev-desk/1/9102']);
    const rude = s.repo.bySource('response:dev-desk/1/9101')!;
    expect(s.repo.history(rude.id).map((h) => h.action)).toEqual(['opened']);
  });

  it('erasing the contact of a response case erases it from every note of the response', async () => {
    const s = setUp();
    await f!.write([9201, 9202].map((seq) => ({ deviceId: 'dev-desk', seq, scale: 'csat5', value: 1 })));
    s.db.prepare(`UPDATE answers SET response_key = 'dev-desk/1/r9201' WHERE seq IN (9201, 9202)`).run();
    const insert = s.db.prepare(
      `INSERT INTO answer_notes (device_id, boot, seq, point_id, value, negative, reasons, comment, contact, flags, noted_at) VALUES ('dev-desk', 1, ?, 'desk', 1, 1, '[]', NULL, ?, '[]', 0)`,
    );
    insert.run(9201, null);
    insert.run(9202, '+4930999');
    s.bus.emit('note:stored', note(9202, { responseKey: 'dev-desk/1/r9201', contact: '+4930999' }));
    const c = s.repo.bySource('response:dev-desk/1/r9201')!;
    s.cases.eraseContact(c.id, 'anna');
    expect(s.repo.get(c.id)!.contact).toBeNull();
    expect(s.db.prepare(`SELECT COUNT(*) AS n FROM answer_notes WHERE contact IS NOT NULL`).get()).toEqual({ n: 0 });
    s.stop();
  });
});

describe('closing, reopening and repeats', () => {
  const open = (s: ReturnType<typeof setUp>, subcategory: string | null, at: string) =>
    s.cases.open(
      {
        siteId: 'berlin',
        pointId: 'desk',
        origin: 'hotline',
        category: 'service',
        subcategory,
        severity: 2,
        summary: 'x',
        openedAt: berlin(at),
      },
      'anna',
    )!;
  const resolve = (s: ReturnType<typeof setUp>, id: number) => {
    s.cases.move(id, 'acknowledged', 'anna');
    s.cases.move(id, 'in_progress', 'anna');
    s.cases.move(id, 'resolved', 'anna');
  };

  it('closing with "customer confirmed: no" needs a reason; unreachable is recorded', () => {
    const s = setUp();
    const a = open(s, null, '2026-11-23T10:00');
    resolve(s, a.id);
    expect(() => s.cases.move(a.id, 'closed', 'anna', { rootCause: 'staff', customerConfirmed: false })).toThrow(/reason/);
    expect(() => s.cases.move(a.id, 'closed', 'anna', { rootCause: 'staff', customerConfirmed: false, reason: '  ' })).toThrow(/reason/);
    const closed = s.cases.move(a.id, 'closed', 'anna', {
      rootCause: 'staff',
      customerConfirmed: false,
      reason: 'customer wants a refund',
    });
    expect(closed.customerConfirmed).toBe(false);
    expect(s.repo.history(a.id).at(-1)!.detail).toContain('reason: customer wants a refund');

    const b = open(s, null, '2026-11-23T10:00');
    resolve(s, b.id);
    expect(s.cases.move(b.id, 'closed', 'anna', { rootCause: 'staff', customerConfirmed: 'unreachable' }).customerConfirmed).toBe(
      'unreachable',
    );
    expect(s.repo.get(b.id)!.customerConfirmed).toBe('unreachable');
  });

  it('a reopened case loses its "resolved in time" credit', () => {
    const s = setUp();
    const a = open(s, null, '2026-11-23T10:00');
    resolve(s, a.id);
    expect(s.repo.get(a.id)!.deadlines.find((d) => d.kind === 'resolve')!.metAt).toBe(berlin('2026-11-23T10:00'));
    s.cases.move(a.id, 'in_progress', 'anna');
    expect(s.repo.get(a.id)!.deadlines.find((d) => d.kind === 'resolve')!.metAt).toBeNull();
    const due = s.repo.deadlinesDue('berlin', 0, berlin('2027-01-01T00:00')).find((d) => d.kind === 'resolve')!;
    expect(due.reopened).toBe(true);
  });

  it('a repeat complaint is the same point and subcategory within 30 days, not the same top category', () => {
    const s = setUp();
    const cold = open(s, 'cold-coffee', '2026-11-01T10:00');
    const rude = open(s, 'rude-staff', '2026-11-10T10:00');
    expect(rude.repeatOf).toBeNull(); // same category "service", another subcategory
    expect(open(s, 'cold-coffee', '2026-11-30T09:00').repeatOf).toBe(cold.id); // 29 days later
    expect(open(s, 'rude-staff', '2026-12-10T10:01').repeatOf).toBeNull(); // 30 days and a minute after
  });

  it('a case closed with the root cause of an earlier case at the point within 30 days becomes a repeat', () => {
    const s = setUp();
    const first = open(s, null, '2026-11-01T10:00');
    const later = open(s, null, '2026-11-20T10:00');
    expect(later.repeatOf).toBeNull();
    resolve(s, first.id);
    s.cases.move(first.id, 'closed', 'anna', { rootCause: 'understaffed', customerConfirmed: true });
    resolve(s, later.id);
    expect(s.cases.move(later.id, 'closed', 'anna', { rootCause: 'understaffed', customerConfirmed: true }).repeatOf).toBe(first.id);
  });
});
