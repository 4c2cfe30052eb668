import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { storeFixture, type StoreFixture } from './helpers/store-fixture.ts';
import { startLocalSmtp, type LocalSmtp } from '../../test/helpers/smtp.ts';
import { CaseRepo } from '../src/modules/cases/case-repo.ts';
import { ReviewRepo } from '../src/modules/reviews/review-repo.ts';
import { AnswerNoteRepo } from '../src/modules/ingest/answer-note-repo.ts';
import { ReportRepo } from '../src/modules/reports/report-repo.ts';
import { ReportService } from '../src/modules/reports/report-service.ts';
import { caseReader, noteReader, reviewReader } from '../src/modules/reports/report-readers.ts';
import { collectionReader } from '../src/modules/reports/collection-repo.ts';
import { siteCalendars } from '../src/modules/cases/site-calendars.ts';
import { renderInThread } from '../src/modules/reports/report-renderer.ts';
import { WeeklyScheduler, lastWeek } from '../src/modules/reports/weekly-scheduler.ts';
import { Mailer } from '../src/platform/mail/mailer.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { validateConfig } from '../src/platform/config/load.ts';

const SITES = [
  { id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' },
  { id: 'tokyo', name: 'Tokyo', timeZone: 'Asia/Tokyo' },
];
const at = (zone: string, iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
const logger = createLogger('silent');

let f: StoreFixture | undefined;
let smtp: LocalSmtp | undefined;
afterEach(async () => {
  f?.close();
  f = undefined;
  await smtp?.close();
  smtp = undefined;
});

async function setUp(subscribers: string[] = [], pdfFont?: string) {
  smtp = subscribers.length ? await startLocalSmtp() : undefined;
  const config = validateConfig({
    sites: SITES,
    points: [
      { id: 'desk', siteId: 'berlin', name: 'Desk' },
      { id: 'door', siteId: 'tokyo', name: 'Door' },
    ],
    mail: { from: 'reports@branch.example', ...(smtp ? { smtp: { host: '127.0.0.1', port: smtp.port } } : {}) },
    reports: { subscribers, ...(pdfFont ? { pdfFont } : {}) },
  });
  f = storeFixture({
    sites: config.sites,
    points: [
      { id: 'desk', siteId: 'berlin' },
      { id: 'door', siteId: 'tokyo' },
    ],
  });
  const repo = new ReportRepo(f.db);
  const mailer = new Mailer(config.mail, logger);
  const reports = () =>
    new ReportService({
      repo,
      sources: {
        indices: f!.indices,
        cases: caseReader(new CaseRepo(f!.db)),
        reviews: reviewReader(new ReviewRepo(f!.db)),
        notes: noteReader(new AnswerNoteRepo(f!.db)),
        points: (siteId) => f!.topology.points().filter((p) => p.siteId === siteId),
        collection: collectionReader(f!.db),
        calendarOf: siteCalendars(config.sites),
        targets: { collection: 95, firstResponse: 90, completion: 90 },
      },
      config: config.reports,
      mailer,
      logger,
      renderer: renderInThread,
    });
  /** A scheduler as a fresh gateway start makes it, on the same store. */
  const scheduler = () => new WeeklyScheduler({ reports: reports(), config: config.reports, sites: () => SITES, logger });
  return { repo, scheduler, reports };
}

// The same renderers as the gateway's, drawn in this thread: a worker per report would first compile
// them under tsx (about a second each here). test/reports.test.ts draws through the gateway's worker.
describe('the Monday report scheduler', () => {
  it("fires once per site per week at 07:00 on each site's Monday, across restarts", async () => {
    const { repo, scheduler } = await setUp();
    const first = scheduler();
    // Monday 30 Nov 2026 06:59 in Berlin is 14:59 in Tokyo: only Tokyo's report is due.
    expect((await first.check(at('Europe/Berlin', '2026-11-30T06:59'))).length).toBe(1);
    expect(repo.list(undefined, 10).map((r) => r.siteId)).toEqual(['tokyo']);
    expect((await first.check(at('Europe/Berlin', '2026-11-30T07:00'))).length).toBe(1);
    // A restart on Monday afternoon and again on Wednesday: nothing new for this week.
    expect(await scheduler().check(at('Europe/Berlin', '2026-11-30T15:00'))).toEqual([]);
    expect(await scheduler().check(at('Europe/Berlin', '2026-12-02T09:00'))).toEqual([]);
    const reports = repo.list(undefined, 10);
    expect(reports).toHaveLength(2);
    const berlin = reports.find((r) => r.siteId === 'berlin')!;
    expect([berlin.periodFrom, berlin.periodTo]).toEqual([
      at('Europe/Berlin', '2026-11-23T00:00'),
      at('Europe/Berlin', '2026-11-30T00:00'),
    ]);
    expect(berlin.status).toBe('ready');
  }, 60_000);

  it('covers the week of a DST change with 169 hours and skips no week', async () => {
    const { repo, scheduler } = await setUp();
    // Clocks went back on Sunday 25 Oct 2026 in Berlin.
    const week = lastWeek(at('Europe/Berlin', '2026-10-26T08:00'), 'Europe/Berlin', '07:00');
    expect((week.to - week.from) / 3_600_000).toBe(169);
    for (const monday of ['2026-10-19', '2026-10-26', '2026-11-02']) {
      for (const time of ['07:00', '07:30', '23:00']) await scheduler().check(at('Europe/Berlin', `${monday}T${time}`));
    }
    const berlin = repo.list(['berlin'], 10).map((r) => DateTime.fromMillis(r.periodFrom, { zone: 'Europe/Berlin' }).toISODate());
    expect(berlin).toEqual(['2026-10-26', '2026-10-19', '2026-10-12']);
  }, 60_000);

  it('makes every week a gateway was off for since its last report, oldest first, and no history before its first', async () => {
    const { repo, scheduler } = await setUp();
    // a first start on Monday 2 Nov: only the last week, not weeks before the gateway ran
    await scheduler().check(at('Europe/Berlin', '2026-11-02T08:00'));
    const weeks = () => repo.list(['berlin'], 20).map((r) => DateTime.fromMillis(r.periodFrom, { zone: 'Europe/Berlin' }).toISODate());
    expect(weeks()).toEqual(['2026-10-26']);
    // off from then until Wednesday 25 Nov: the Mondays of 9, 16 and 23 Nov were missed; back, it makes all three weeks
    await scheduler().check(at('Europe/Berlin', '2026-11-25T10:00'));
    expect(weeks()).toEqual(['2026-11-16', '2026-11-09', '2026-11-02', '2026-10-26']);
  }, 60_000);

  it('finishes a report a stop left pending instead of making a second one', async () => {
    const { repo, scheduler } = await setUp();
    const week = lastWeek(at('Europe/Berlin', '2026-11-30T08:00'), 'Europe/Berlin', '07:00');
    const claimed = repo.claim({
      siteId: 'berlin',
      kind: 'weekly',
      periodFrom: week.from,
      periodTo: week.to,
      createdBy: 'scheduler',
      at: week.dueAt,
    })!;
    expect(claimed.status).toBe('pending');
    await scheduler().check(at('Europe/Berlin', '2026-11-30T08:00'));
    expect(repo.list(['berlin'], 10).map((r) => [r.id, r.status])).toEqual([[claimed.id, 'ready']]);
  }, 60_000);

  it('mails the report to each subscriber with the PDF and the workbook attached, once', async () => {
    const { repo, scheduler } = await setUp(['quality@branch.example', 'owner@branch.example']);
    await f!.write([
      { pointId: 'desk', scale: 'smiley4', value: 0, occurredAt: at('Europe/Berlin', '2026-11-24T12:10') },
      { pointId: 'desk', scale: 'smiley4', value: 3, occurredAt: at('Europe/Berlin', '2026-11-24T12:20') },
    ]);
    await scheduler().check(at('Europe/Berlin', '2026-11-30T07:05'));
    await scheduler().check(at('Europe/Berlin', '2026-11-30T07:10'));
    await expect.poll(() => smtp!.messages.length).toBe(4); // two sites × two subscribers
    const berlinMail = smtp!.messages.filter((m) => m.subject === 'Customer feedback report: Berlin');
    expect(berlinMail.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0]!.address).sort()).toEqual([
      'owner@branch.example',
      'quality@branch.example',
    ]);
    const attachments = berlinMail[0]!.attachments;
    expect(attachments.map((a) => a.contentType).sort()).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);

    const pdf = new PDFParse({ data: new Uint8Array(attachments.find((a) => a.contentType === 'application/pdf')!.content) });
    const text = await pdf.getText();
    await pdf.destroy();
    expect(text.total).toBeGreaterThanOrEqual(2);
    for (const heading of [
      'Customer feedback report: Berlin',
      'Period: 2026-11-23 – 2026-11-29',
      'Indices',
      'Service levels',
      'Recurring problems and root causes',
      'Online reviews',
      'Emotion panel',
    ])
      expect(text.text).toContain(heading);
    expect(text.text).toMatch(/Hours with negative answers[\s\S]*12:00–12:59/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(attachments.find((a) => a.filename!.endsWith('.xlsx'))!.content as unknown as ArrayBuffer);
    const indices = workbook.getWorksheet('Indices')!;
    const happy = indices.getRows(3, indices.rowCount - 2)!.find((r) => r.getCell(1).value === 'Happy Index')!;
    expect(happy.getCell(4).value).toBe(2);
    const hours = workbook.getWorksheet('Hours')!;
    expect([hours.getCell('A3').value, hours.getCell('B3').value, hours.getCell('C3').value, hours.getCell('D3').value]).toEqual([
      '12:00–12:59',
      1,
      1,
      2,
    ]);
    const berlin = repo.list(['berlin'], 1)[0]!;
    expect(repo.deliveries(berlin.id).map((d) => [d.recipient, d.error])).toEqual([
      ['owner@branch.example', null],
      ['quality@branch.example', null],
    ]);
  }, 60_000);

  it('records a report whose renderer fails as failed, with the reason, and makes the next one', async () => {
    const missing = '/nonexistent/fonts/NotoSansCJK-Regular.ttc';
    const broken = await setUp([], missing);
    const service = broken.reports();
    const week = lastWeek(at('Europe/Berlin', '2026-03-11T12:00'), 'Europe/Berlin', '07:00');
    const failed = await service.make(SITES[0]!, 'on_demand', week.from, week.to, 'test');
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed!.error).toContain(missing);
    f?.close();
    const fine = (await setUp()).reports();
    expect(await fine.make(SITES[0]!, 'on_demand', week.from, week.to, 'test')).toMatchObject({ status: 'ready', error: null });
  }, 60_000);
});
