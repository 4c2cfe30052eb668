import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import ExcelJS from 'exceljs';
import { storeFixture, type StoreFixture } from './helpers/store-fixture.ts';
import { CaseRepo } from '../src/modules/cases/case-repo.ts';
import { CaseService } from '../src/modules/cases/case-service.ts';
import { siteCalendars } from '../src/modules/cases/site-calendars.ts';
import { ReviewRepo } from '../src/modules/reviews/review-repo.ts';
import { AnswerNoteRepo } from '../src/modules/ingest/answer-note-repo.ts';
import { ReportRepo } from '../src/modules/reports/report-repo.ts';
import { caseReader, noteReader, reportRowReader, reviewReader } from '../src/modules/reports/report-readers.ts';
import { collectionReader } from '../src/modules/reports/collection-repo.ts';
import { reportData } from '../src/modules/reports/report-data.ts';
import { reportDocument } from '../src/modules/reports/report-sections.ts';
import { reportXlsx } from '../src/modules/reports/report-xlsx.ts';
import { reportHtml } from '../src/modules/reports/report-html.ts';
import { reportPdf } from '../src/modules/reports/report-pdf.ts';
import { PDFParse } from 'pdf-parse';
import { REPORT_LABELS } from '../src/modules/reports/report-labels.ts';
import { assessmentFigures } from '../src/modules/reports/assessment-figures.ts';
import { automaticAnswers } from '../src/modules/reports/self-assessment.ts';
import { EventBus } from '../src/platform/events/bus.ts';
import { validateConfig } from '../src/platform/config/load.ts';
import { LossRepo } from '../src/modules/ingest/loss-repo.ts';

const SITES = [
  { id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' },
  { id: 'tokyo', name: 'Tokyo', timeZone: 'Asia/Tokyo' },
];
const berlin = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' }).toMillis();
const WEEK = { from: berlin('2026-11-23T00:00'), to: berlin('2026-11-30T00:00') };

let f: StoreFixture | undefined;
afterEach(() => {
  f?.close();
  f = undefined;
});

function setUp() {
  const config = validateConfig({
    sites: SITES,
    points: [
      { id: 'desk', siteId: 'berlin', name: 'Desk' },
      { id: 'door', siteId: 'tokyo', name: 'Door' },
    ],
  });
  f = storeFixture({
    sites: config.sites,
    points: [
      { id: 'desk', siteId: 'berlin' },
      { id: 'door', siteId: 'tokyo' },
    ],
  });
  let now = 0;
  const repo = new CaseRepo(f.db);
  const calendarOf = siteCalendars(config.sites);
  const cases = new CaseService({ repo, bus: new EventBus(), config: config.cases, calendarOf, now: () => now });
  // percentages 0–100, as configured (METRICS.md: every share in the API is a percentage)
  const targets = config.reports.targets;
  const common = {
    indices: f.indices,
    cases: caseReader(repo),
    reviews: reviewReader(new ReviewRepo(f.db)),
    reports: reportRowReader(new ReportRepo(f.db)),
    points: (siteId: string) => f!.topology.points().filter((p) => p.siteId === siteId),
    collection: collectionReader(f.db),
    calendarOf,
    targets,
  };
  return { db: f.db, cases, common, notes: noteReader(new AnswerNoteRepo(f.db)), setNow: (ms: number) => (now = ms) };
}

type Setup = ReturnType<typeof setUp>;

function response(s: Setup, key: string, siteId: string, at: number, counted = 1) {
  s.db
    .prepare(
      `INSERT INTO responses (key, site_id, point_id, device_id, staff_id, survey_id, source, occurred_at, counted, polarity, misuse, questions)
       VALUES (?, ?, ?, 'dev', NULL, NULL, 'mqtt', ?, ?, 0, 0, '')`,
    )
    .run(key, siteId, siteId === 'berlin' ? 'desk' : 'door', at, counted);
}

/** Opens a case at `opened` and moves it at the given local times (default Berlin office hours 09–18, Mon–Fri). */
function handled(
  s: Setup,
  opened: string,
  steps: [string, Parameters<Setup['cases']['move']>[1], Parameters<Setup['cases']['move']>[3]?][],
) {
  s.setNow(berlin(opened));
  const c = s.cases.open({ siteId: 'berlin', pointId: 'desk', origin: 'hotline', category: 'service', severity: 2, summary: 'x' }, 'anna')!;
  for (const [at, to, extra] of steps) {
    s.setNow(berlin(at));
    s.cases.move(c.id, to, 'anna', extra);
  }
  return c;
}

/**
 * Five cases in the week of Mon 23 Nov 2026 (severity 2: resolve within 3 working days).
 * First response within 2 working hours: A (1.5 h), B (Mon 17:30 → Tue 09:45: 0.5 h + 0.75 h) and D (0.5 h)
 * yes; C (2.5 h) and E (never) no: 3 of 5 = 60%.
 * Completion, of the 4 whose resolve deadline fell in the week (E's falls on Mon 30 Nov): A (confirmed) and
 * D (unreachable) yes; B (customer said no) and C (reopened) no: 2 of 4 = 50%.
 */
function fiveCases(s: Setup) {
  const close = (rootCause: string, customerConfirmed: boolean | 'unreachable', reason?: string) => ({
    rootCause,
    customerConfirmed,
    ...(reason ? { reason } : {}),
  });
  handled(s, '2026-11-23T10:00', [
    ['2026-11-23T11:30', 'acknowledged'],
    ['2026-11-23T12:00', 'in_progress'],
    ['2026-11-24T10:00', 'resolved'],
    ['2026-11-24T11:00', 'closed', close('queue', true)],
  ]);
  handled(s, '2026-11-23T17:30', [
    ['2026-11-24T09:45', 'acknowledged'],
    ['2026-11-24T10:00', 'in_progress'],
    ['2026-11-24T11:00', 'resolved'],
    ['2026-11-24T12:00', 'closed', close('queue', false, 'wants a refund we cannot give')],
  ]);
  handled(s, '2026-11-24T09:00', [
    ['2026-11-24T11:30', 'acknowledged'],
    ['2026-11-24T11:45', 'in_progress'],
    ['2026-11-24T12:00', 'resolved'],
    ['2026-11-24T13:00', 'in_progress'],
    ['2026-11-24T14:00', 'resolved'],
    ['2026-11-24T15:00', 'closed', close('queue', true)],
  ]);
  handled(s, '2026-11-24T10:00', [
    ['2026-11-24T10:30', 'acknowledged'],
    ['2026-11-24T11:00', 'in_progress'],
    ['2026-11-25T10:00', 'resolved'],
    ['2026-11-25T11:00', 'closed', close('queue', 'unreachable')],
  ]);
  handled(s, '2026-11-25T10:00', []);
}

describe('programme KPIs in the weekly report', () => {
  it('collection rate counts responses stored against those known lost; the response rate shows beside it as a share of customers', async () => {
    const s = setUp();
    for (let i = 0; i < 8; i++) response(s, `b/${i}`, 'berlin', berlin('2026-11-24T12:00') + i * 60_000);
    response(s, 'b/misuse', 'berlin', berlin('2026-11-24T13:00'), 0); // not counted
    response(s, 'b/before', 'berlin', berlin('2026-11-22T23:59')); // the week before
    response(s, 't/1', 'tokyo', berlin('2026-11-24T12:00')); // another site
    await f!.write([
      { pointId: 'desk', scale: 'smiley4', value: 0, occurredAt: berlin('2026-11-24T12:10') },
      { pointId: 'desk', scale: 'smiley4', value: 3, occurredAt: berlin('2026-11-24T12:20') },
    ]);
    s.db
      .prepare(
        `INSERT INTO customers_served (point_id, starts_at, ends_at, count, source, received_at) VALUES ('desk', ?, ?, 40, 'api', 0)`,
      )
      .run(berlin('2026-11-24T12:00'), berlin('2026-11-24T13:00'));
    fiveCases(s);

    const data = await reportData({ ...s.common, notes: s.notes }, SITES[0]!, WEEK.from, WEEK.to, WEEK.to);
    // the 8 responses above and the 2 presses written through the writer (each press is its own response)
    expect(data.collection).toMatchObject({
      rate: 100,
      n: 10,
      stored: 10,
      lost: 0,
      lossesRecorded: ['sequenceGaps', 'kioskDropped', 'phoneRefused'],
      target: 95,
    });
    // 2 presses (2 responses) over 40 customers served: 5%
    expect(data.collection.responseRate).toEqual({ rate: 5, n: 40 });
    expect(data.cases.firstResponse).toMatchObject({ due: 5, met: 3, share: 60, target: 90 });
    expect(data.cases.completion).toMatchObject({ due: 4, met: 2, share: 50, target: 90 });
    // B, C and D close with A's root cause at the same point within 30 days: 3 repeats of the 5 opened
    expect(data.cases.repeats).toEqual({ count: 3, n: 5, share: 60 });
    // the five cases all fall in "service" (5 of 5), none in "product"; each share with its own n
    expect(data.cases.byCategory.slice(0, 2)).toEqual([
      { key: 'product', count: 0, n: 5, share: 0 },
      { key: 'service', count: 5, n: 5, share: 100 },
    ]);

    const doc = reportDocument(data, REPORT_LABELS.en);
    const html = reportHtml(doc, 'en', 'en');
    expect(html).toContain('Feedback collection rate');
    expect(html).not.toContain('losses not recorded');
    expect(html).not.toMatch(/\d[\d,]{3,}(\.\d)?%/); // no share past 100% (1,000% and up, grouped or not)
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportXlsx(doc)) as unknown as ArrayBuffer);
    const levels = workbook.getWorksheet('Service levels')!;
    const row = (name: RegExp) => levels.getRows(3, levels.rowCount - 2)!.find((r) => name.test(String(r.getCell(1).value)))!;
    const cells = (r: ExcelJS.Row) => [2, 3, 4, 5].map((i) => r.getCell(i).value);
    // a spreadsheet percentage cell holds the fraction; its 0.0% format shows 100%, 5%, 60%, …
    expect(cells(row(/^Feedback collection rate/))).toEqual([10, 10, 1, 0.95]);
    expect(cells(row(/^Response rate/))).toEqual([40, null, 0.05, null]);
    expect(cells(row(/^First response/))).toEqual([5, 3, 0.6, 0.9]);
    expect(cells(row(/^Case completion/))).toEqual([4, 2, 0.5, 0.9]);
    expect(cells(row(/^Share of repeat complaints/))).toEqual([5, 3, 0.6, null]);
    expect(row(/^First response/).getCell(4).numFmt).toBe('0.0%');
  });

  it('shows 3 of 4 as 75% in the HTML page, the PDF and the workbook (not 7500%, not 0.75%)', async () => {
    const s = setUp();
    // four cases opened Monday 10:00–10:30; three acknowledged within the hour, the fourth never
    for (const [opened, acknowledged] of [
      ['2026-11-23T10:00', '2026-11-23T10:30'],
      ['2026-11-23T10:10', '2026-11-23T11:00'],
      ['2026-11-23T10:20', '2026-11-23T11:10'],
      ['2026-11-23T10:30', null],
    ] as const)
      handled(s, opened, acknowledged ? [[acknowledged, 'acknowledged']] : []);
    const data = await reportData({ ...s.common, notes: s.notes }, SITES[0]!, WEEK.from, WEEK.to, WEEK.to);
    expect(data.cases.firstResponse).toMatchObject({ due: 4, met: 3, share: 75, target: 90 });
    const doc = reportDocument(data, REPORT_LABELS.en);

    const html = reportHtml(doc, 'en', 'en');
    expect(html).toContain(
      '<tr><td>First response within 2 h</td><td class="n">4</td><td class="n">3</td><td class="n">75%</td><td class="n">90%</td></tr>',
    );
    expect(html).not.toMatch(/7[,.]?500%|0\.75%/);

    const pdf = new PDFParse({ data: new Uint8Array(await reportPdf(doc, 'en')) });
    const text = (await pdf.getText()).text;
    await pdf.destroy();
    expect(text).toMatch(/First response within 2 h\s+4\s+3\s+75%\s+90%/);
    expect(text).not.toMatch(/7[,.]?500%|0\.75%/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportXlsx(doc)) as unknown as ArrayBuffer);
    const levels = workbook.getWorksheet('Service levels')!;
    const first = levels.getRows(3, levels.rowCount - 2)!.find((r) => String(r.getCell(1).value).startsWith('First response'))!;
    // Excel shows a "0.0%" cell as its value times 100: 0.75 → 75.0%, 0.9 → 90.0%
    expect([first.getCell(4).value, first.getCell(4).numFmt]).toEqual([0.75, '0.0%']);
    expect([first.getCell(5).value, first.getCell(5).numFmt]).toEqual([0.9, '0.0%']);
  }, 30_000);
});

describe('programme KPIs in the self-assessment', () => {
  it('answers the collection rate from the responses kept and those known lost, and from the corrected case figures', async () => {
    const s = setUp();
    for (let i = 0; i < 20; i++) response(s, `b/${i}`, 'berlin', berlin('2026-11-24T12:00') + i * 60_000);
    // a button's counter said 5 of its presses never arrived: 20 of 25 voices kept
    new LossRepo(s.db).set({
      key: 'btn/3',
      kind: 'sequenceGaps',
      siteId: 'berlin',
      pointId: 'desk',
      count: 5,
      at: berlin('2026-11-24T13:00'),
    });
    fiveCases(s);
    const figures = await assessmentFigures({ ...s.common, screens: async () => 0, staffPulseAnswers: async () => 0 }, 'berlin', WEEK.to);
    expect(figures.completionShare).toBe(50);
    expect(figures.firstResponseShare).toBe(60);
    // B, C and D repeat A's root cause: 3 of 5 complaints
    expect(figures.repeatShare).toBe(60);
    expect(figures.collection).toMatchObject({ rate: 80, n: 25, target: 95 });
    const answers = automaticAnswers(figures);
    expect(answers['metrics.collection']!.answer).toBe('partly'); // 80%: at least half, under the 95% target
    expect(answers['metrics.collection']!.evidence).toBe('collection rate 80% (20 responses stored, 5 known lost; target 95%)');
    expect(answers['customers.completion']!.answer).toBe('no'); // 50% < 60%
    expect(answers['customers.first-response']!.answer).toBe('partly'); // 60%: at least 60%, under 90%
    expect(answers['customers.first-response']!.evidence).toBe('first response within 2 working hours: 60% (target 90%)');
    expect(answers['customers.completion']!.evidence).toBe(
      'cases resolved by their deadline, not reopened, confirmed by the customer (or unreachable): 50% (target 90%)',
    );
    expect(answers['metrics.repeats']).toEqual({ answer: 'no', evidence: 'repeat complaints 60%' }); // 60% ≥ 20%
  });
});
