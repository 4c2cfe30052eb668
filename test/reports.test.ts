import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { POINT, SITE, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { scopedToken, userSession } from './helpers/identities.ts';
import type { SignedIn } from './helpers/sign-in.ts';

const SURVEY = {
  id: 'exit',
  name: 'Exit survey',
  questions: [{ id: 'recommend', number: 1, scale: 'nps11', label: 'Would you recommend us?' }],
};

let t: TestGateway;
let admin: SignedIn;
let reportId: number;
const from = Date.now() - 86_400_000;

async function post(path: string, body: unknown, headers: Record<string, string> = admin.headers) {
  return fetch(`${t.gateway.httpUrl}${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  t = await startTestGateway({
    surveys: [SURVEY],
    devices: [{ id: 'kiosk-1', pointId: POINT.id, buttons: 4, responseIntervalMs: 0, surveyId: SURVEY.id }],
    alerts: { defaults: false },
  });
  admin = await t.login();
  const kiosk = { authorization: `Bearer ${(await scopedToken(t, admin, { name: 'kiosk', kind: 'kiosk', deviceId: 'kiosk-1' })).token}` };
  // Three detractors who say why (three cases, one category), and two promoters.
  const values = [2, 3, 1, 9, 10];
  expect(
    (
      await post(
        '/api/kiosk/answers',
        { boot: 1, answers: values.map((value, i) => ({ seq: i + 1, question: 1, value, uptimeMs: 1000 * (i + 1) })) },
        kiosk,
      )
    ).status,
  ).toBe(200);
  for (const seq of [1, 2, 3])
    expect(
      (await post('/api/kiosk/notes', { boot: 1, seq, reasons: ['service:waiting-time'], comment: 'Waited too long' }, kiosk)).status,
    ).toBe(200);
  await fetch(`${t.gateway.httpUrl}/api/reviews/import?siteId=${SITE.id}`, {
    method: 'POST',
    headers: { ...admin.headers, 'content-type': 'application/json' },
    body: JSON.stringify([
      { platform: 'maps', id: 'a', date: new Date().toISOString(), rating: 5, text: 'Great' },
      { platform: 'maps', id: 'b', date: new Date().toISOString(), rating: 1, text: 'Slow' },
    ]),
  });
  const made = await post('/api/reports', { siteId: SITE.id, from, to: Date.now() + 60_000 });
  expect(made.status).toBe(201);
  reportId = ((await made.json()) as { id: number; status: string }).id;
});
afterAll(async () => t?.close());

const download = (format: string, headers = admin.headers) =>
  fetch(`${t.gateway.httpUrl}/api/reports/${reportId}/report.${format}`, { headers });

describe('reports on demand', () => {
  it('is listed, and its workbook holds the same totals as the store', async () => {
    const { reports } = (await (await fetch(`${t.gateway.httpUrl}/api/reports?siteId=${SITE.id}`, { headers: admin.headers })).json()) as {
      reports: { id: number; status: string; kind: string }[];
    };
    expect(reports.find((r) => r.id === reportId)).toMatchObject({ status: 'ready', kind: 'on_demand' });
    const response = await download('xlsx');
    expect(response.headers.get('content-type')).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const levels = workbook.getWorksheet('Service levels')!;
    expect(levels.getCell('A3').value).toBe('Cases opened');
    expect(levels.getCell('B3').value).toBe(3);
    const categories = workbook.getWorksheet('Categories')!;
    const service = categories.getRows(3, 4)!.find((r) => r.getCell(1).value === 'service')!;
    expect([service.getCell(2).value, service.getCell(3).value]).toEqual([3, 1]);
    const reasons = workbook.getWorksheet('Reasons')!;
    expect([reasons.getCell('A3').value, reasons.getCell('B3').value]).toEqual(['service:waiting-time', 3]);
    const reviews = workbook.getWorksheet('Reviews')!;
    expect(reviews.getCell('B3').value).toBe(2);
    const indices = workbook.getWorksheet('Indices')!;
    const nps = indices.getRows(3, indices.rowCount - 2)!.find((r) => r.getCell(1).value === 'NPS')!;
    expect(nps.getCell(4).value).toBe(5);
  });

  it('opens as a PDF with its pages and text', async () => {
    const response = await download('pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="report-branch-1-\d+\.pdf"$/);
    const pdf = new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) });
    const text = await pdf.getText();
    await pdf.destroy();
    expect(text.total).toBeGreaterThanOrEqual(2);
    expect(text.text).toContain(`Customer feedback report: ${SITE.name}`);
    expect(text.text).toContain('service:waiting-time');
    expect(text.text).toMatch(/1 \/ \d+/);
  });

  it('serves the HTML page with no script allowed, and only to those who may read cases', async () => {
    const response = await download('html');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(await response.text()).toContain('<h2>Service levels</h2>');
    const screen = await scopedToken(t, admin, { name: 'tv', kind: 'screen', pointId: POINT.id });
    expect((await download('pdf', { authorization: `Bearer ${screen.token}` })).status).toBe(403);
    const elsewhere = await userSession(t, admin, { username: 'elsewhere', role: 'manager', sites: [] });
    expect((await download('pdf', elsewhere.headers)).status).toBe(403);
    expect((await post('/api/reports', { siteId: SITE.id, from: Date.now(), to: from })).status).toBe(400);
  });
});
