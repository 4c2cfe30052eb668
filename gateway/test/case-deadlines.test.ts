import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { storeFixture, type StoreFixture } from './helpers/store-fixture.ts';
import { startLocalSmtp, type LocalSmtp } from '../../test/helpers/smtp.ts';
import { CaseRepo } from '../src/modules/cases/case-repo.ts';
import { CaseService } from '../src/modules/cases/case-service.ts';
import { DeadlineWatch } from '../src/modules/cases/deadline-watch.ts';
import { startCaseRules } from '../src/modules/cases/case-rules.ts';
import { startCaseNotices } from '../src/modules/cases/case-notices.ts';
import { siteCalendars } from '../src/modules/cases/site-calendars.ts';
import { Mailer } from '../src/platform/mail/mailer.ts';
import { EventBus } from '../src/platform/events/bus.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { validateConfig } from '../src/platform/config/load.ts';
import type { Case, CaseChange } from '../src/modules/cases/case.ts';
import type { Alert } from '../src/modules/alerts/alert.ts';
import { AnswerNoteRepo } from '../src/modules/ingest/answer-note-repo.ts';

const SITE = { id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin', calendar: { holidays: { country: 'DE' } } };
const berlin = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' }).toMillis();
const logger = createLogger('silent');

let f: StoreFixture | undefined;
let smtp: LocalSmtp | undefined;
afterEach(async () => {
  f?.close();
  f = undefined;
  await smtp?.close();
  smtp = undefined;
});

async function setUp(mail: boolean) {
  smtp = mail ? await startLocalSmtp() : undefined;
  const config = validateConfig({
    sites: [SITE],
    points: [{ id: 'desk', siteId: 'berlin', name: 'Desk' }],
    mail: { from: 'feedback@branch.example', ...(smtp ? { smtp: { host: '127.0.0.1', port: smtp.port } } : {}) },
    cases: {
      departments: {
        product: { owner: 'R&D', superior: 'CTO' },
        service: {
          owner: 'Customer service',
          superior: 'Head of service',
          ownerEmail: 'service@branch.example',
          superiorEmail: 'head@branch.example',
        },
        operations: { owner: 'Marketing', superior: 'CMO' },
        suggestion: { owner: 'Planning', superior: 'COO' },
      },
    },
  });
  f = storeFixture({ sites: config.sites, points: [{ id: 'desk', siteId: 'berlin' }] });
  let now = berlin('2026-11-27T16:30'); // a Friday afternoon
  const bus = new EventBus();
  const events: [CaseChange, Case][] = [];
  bus.on('case:changed', (change, c) => events.push([change, c]));
  const repo = new CaseRepo(f.db);
  const cases = new CaseService({ repo, bus, config: config.cases, calendarOf: siteCalendars(config.sites), now: () => now });
  const mailer = new Mailer(config.mail, logger);
  const watch = new DeadlineWatch({ repo, bus, config: config.cases, mailer, logger });
  const stopNotices = startCaseNotices({ bus, repo, config: config.cases, mailer, logger });
  afterTest.push(stopNotices);
  return { bus, cases, repo, watch, events, config, setNow: (ms: number) => (now = ms) };
}

const afterTest: (() => void)[] = [];
afterEach(() => afterTest.splice(0).forEach((stop) => stop()));

describe('case deadlines under a fake clock', () => {
  it('marks a missed deadline once, escalates to the superior and e-mails both over SMTP', async () => {
    const s = await setUp(true);
    const c = s.cases.open(
      { siteId: 'berlin', pointId: 'desk', origin: 'hotline', category: 'service', severity: 2, summary: 'Queue of 20 people' },
      'anna',
    )!;
    // 4 working hours from Friday 16:30: 1.5 h on Friday, 2.5 h on Monday → Monday 11:30.
    expect(c.deadlines.find((d) => d.kind === 'respond')!.dueAt).toBe(berlin('2026-11-30T11:30'));
    expect(await s.watch.check(berlin('2026-11-30T11:29'))).toBe(0);
    expect(await s.watch.check(berlin('2026-11-30T11:31'))).toBe(1);
    expect(await s.watch.check(berlin('2026-11-30T12:00'))).toBe(0);

    const overdue = s.repo.get(c.id)!;
    expect(overdue).toMatchObject({ escalatedTo: 'Head of service', overdueAt: berlin('2026-11-30T11:31') });
    expect(overdue.deadlines.find((d) => d.kind === 'respond')!.missedAt).toBe(berlin('2026-11-30T11:31'));
    expect(s.events.filter(([change]) => change === 'case.overdue').map(([, x]) => x.id)).toEqual([c.id]);
    expect(s.repo.history(c.id).map((h) => h.action)).toContain('overdue');
    await expect.poll(() => smtp!.messages.length).toBe(1);
    const mail = smtp!.messages[0]!;
    expect(mail.subject).toBe(`Case ${c.id} is overdue (respond), escalated to Head of service`);
    expect(mail.text).toMatch(/Queue of 20 people/);
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    expect(to.flatMap((a) => a!.value.map((v) => v.address)).sort()).toEqual(['head@branch.example', 'service@branch.example']);
  });

  it("runs the deadlines of a raised severity from the change, and keeps a lowered one's from the opening", async () => {
    const s = await setUp(false);
    const c = s.cases.open(
      { siteId: 'berlin', pointId: 'desk', origin: 'hotline', category: 'service', severity: 3, summary: 'Dusty shelves' },
      'anna',
    )!;
    // Monday 10:00 the manager learns it is a reputation risk: severity 1 responds within 2 h of that, not of Friday 16:30
    s.setNow(berlin('2026-11-30T10:00'));
    const raised = s.cases.edit(c.id, 'anna', { severity: 1 });
    expect(raised.deadlines.find((d) => d.kind === 'respond')!.dueAt).toBe(berlin('2026-11-30T12:00'));
    expect(await s.watch.check(berlin('2026-11-30T10:01'))).toBe(0);
    // lowered back to 2: 4 working hours from the opening (Monday 11:30), not from now
    s.setNow(berlin('2026-11-30T10:30'));
    const lowered = s.cases.edit(c.id, 'anna', { severity: 2 });
    expect(lowered.deadlines.find((d) => d.kind === 'respond')!.dueAt).toBe(berlin('2026-11-30T11:30'));
  });

  it('lists as overdue only what is overdue now; what caught up is "was overdue"', async () => {
    const s = await setUp(false);
    const open = (summary: string) =>
      s.cases.open({ siteId: 'berlin', pointId: 'desk', origin: 'hotline', category: 'service', severity: 2, summary }, 'anna')!;
    const late = open('still waiting');
    const caughtUp = open('answered late');
    expect(await s.watch.check(berlin('2026-11-30T11:31'))).toBe(2);
    s.setNow(berlin('2026-11-30T12:00'));
    s.cases.move(caughtUp.id, 'acknowledged', 'anna');
    const ids = (filter: Parameters<typeof s.repo.list>[0]) =>
      s.repo
        .list(filter)
        .map((c) => c.id)
        .sort();
    expect(ids({ overdueAt: berlin('2026-11-30T12:00'), limit: 10 })).toEqual([late.id]);
    expect(ids({ wasOverdue: true, limit: 10 })).toEqual([late.id, caughtUp.id].sort());
  });

  it('e-mails an urgent case to its department and the superior the moment it opens, and nothing for others', async () => {
    const s = await setUp(true);
    s.cases.open({ siteId: 'berlin', pointId: 'desk', origin: 'hotline', category: 'service', severity: 2, summary: 'Slow queue' }, 'anna');
    const urgent = s.cases.open(
      {
        siteId: 'berlin',
        pointId: 'desk',
        origin: 'hotline',
        category: 'service',
        severity: 1,
        summary: 'Card readers down at every till',
      },
      'anna',
    )!;
    await expect.poll(() => smtp!.messages.length).toBe(1);
    const mail = smtp!.messages[0]!;
    // severity 1 responds within 2 working hours of Friday 16:30: half an hour on Friday, 1.5 h on Monday
    expect(mail.subject).toBe(`Urgent case ${urgent.id} opened: respond by ${new Date(berlin('2026-11-30T09:30')).toISOString()}`);
    expect(mail.text).toMatch(/Card readers down at every till/);
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    expect(to.flatMap((a) => a!.value.map((v) => v.address)).sort()).toEqual(['head@branch.example', 'service@branch.example']);
    await expect.poll(() => s.repo.history(urgent.id).map((h) => h.action)).toContain('notified');
    expect(smtp!.messages.length).toBe(1);
  });

  it('does not call a deadline missed once it was met, and skips closed cases', async () => {
    const s = await setUp(false);
    const c = s.cases.open(
      { siteId: 'berlin', pointId: 'desk', origin: 'in_person', category: 'product', severity: 1, summary: 'Broken card reader' },
      'anna',
    )!;
    s.setNow(berlin('2026-11-27T17:00'));
    s.cases.move(c.id, 'acknowledged', 'anna');
    // Severity 1 plans within 24 clock hours, resolves within 48.
    expect(await s.watch.check(berlin('2026-11-28T17:00'))).toBe(1);
    expect(s.repo.get(c.id)!.deadlines.map((d) => [d.kind, d.metAt !== null, d.missedAt !== null])).toEqual([
      ['respond', true, false],
      ['plan', false, true],
      ['resolve', false, false],
    ]);
    s.cases.move(c.id, 'in_progress', 'anna');
    s.cases.move(c.id, 'resolved', 'anna');
    s.cases.move(c.id, 'closed', 'anna', { rootCause: 'firmware', customerConfirmed: false, reason: 'a new reader is on order' });
    expect(await s.watch.check(berlin('2026-12-31T12:00'))).toBe(0);
  });

  it('opens one case per fired alert, however often the alert is seen', async () => {
    const s = await setUp(false);
    const stop = startCaseRules({
      bus: s.bus,
      cases: s.cases,
      config: s.config.cases,
      siteOfPoint: () => 'berlin',
      forgetContact: (n) => new AnswerNoteRepo(f!.db).forgetContact(n),
      logger,
    });
    const alert: Alert = {
      id: 7,
      ruleId: 'default',
      pointId: 'desk',
      kind: 'negativeShare',
      status: 'open',
      firedAt: berlin('2026-11-27T16:00'),
      value: 0.6,
      n: 10,
      message: '60% negative',
      params: { share: 60, negative: 6, answers: 10, window: 15 },
      acknowledgedBy: null,
      acknowledgedAt: null,
      comment: null,
      closedAt: null,
    };
    s.bus.emit('alert:changed', 'alert.fired', alert);
    s.bus.emit('alert:changed', 'alert.fired', alert);
    s.bus.emit('alert:changed', 'alert.acknowledged', alert);
    stop();
    expect(s.repo.list({ limit: 10 }).map((c) => c.sourceKey)).toEqual(['alert:7']);
  });
});
