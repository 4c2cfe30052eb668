import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POINT, SITE, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { scopedToken, userSession } from './helpers/identities.ts';
import type { SignedIn } from './helpers/sign-in.ts';

const SURVEY = {
  id: 'exit',
  name: 'Exit survey',
  questions: [{ id: 'recommend', number: 1, scale: 'nps11', label: 'Would you recommend us?' }],
};

interface CaseView {
  id: number;
  origin: string;
  sourceKey: string | null;
  status: string;
  severity: number;
  category: string;
  subcategory: string | null;
  owner: string;
  contact: string | null;
  repeatOf: number | null;
  summary: string;
  deadlines: { kind: string; dueAt: number; metAt: number | null }[];
  rootCause: string | null;
  customerConfirmed: boolean | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API bodies are checked by the assertions that read them
type Reply = { status: number; body: any };

let t: TestGateway;
let admin: SignedIn;
let kiosk: string;
let seq = 0;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = admin.headers): Promise<Reply> {
  const response = await fetch(`${t.gateway.httpUrl}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A kiosk answer on the NPS question, then the note the customer added; returns the answer's seq. */
async function answerWithNote(value: number, note: Record<string, unknown>): Promise<{ seq: number; note: Reply }> {
  const s = ++seq;
  const kioskHeaders = { authorization: `Bearer ${kiosk}` };
  const sent = await call(
    'POST',
    '/api/kiosk/answers',
    { boot: 1, answers: [{ seq: s, question: 1, value, uptimeMs: s * 1000 }] },
    kioskHeaders,
  );
  expect(sent.body.results[0].outcome).toBe('stored');
  return { seq: s, note: await call('POST', '/api/kiosk/notes', { boot: 1, seq: s, ...note }, kioskHeaders) };
}

const casesNow = async (query = '') => (await call('GET', `/api/cases${query}`)).body.cases as CaseView[];

beforeAll(async () => {
  t = await startTestGateway({
    surveys: [SURVEY],
    devices: [{ id: 'kiosk-1', pointId: POINT.id, buttons: 4, responseIntervalMs: 0, surveyId: SURVEY.id }],
    sites: [{ ...SITE, calendar: { holidays: { country: 'DE' } } }],
    alerts: { defaults: false },
  });
  admin = await t.login();
  kiosk = (await scopedToken(t, admin, { name: 'lobby kiosk', kind: 'kiosk', deviceId: 'kiosk-1' })).token;
});
afterAll(async () => t?.close());

describe('cases from negative feedback', () => {
  it('opens one case for a detractor with a comment, whatever is resent', async () => {
    const { seq: s, note } = await answerWithNote(2, { reasons: ['product:cold-coffee'], comment: 'The coffee was cold and nobody cared' });
    expect(note).toMatchObject({ status: 200, body: { outcome: 'stored', flags: [] } });
    const again = await call(
      'POST',
      '/api/kiosk/notes',
      { boot: 1, seq: s, comment: 'The coffee was cold and nobody cared' },
      { authorization: `Bearer ${kiosk}` },
    );
    expect(again.body.outcome).toBe('duplicate');
    const mine = (await casesNow()).filter((c) => c.sourceKey === `response:kiosk-1/1/${s}`);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      origin: 'answer',
      category: 'product',
      subcategory: 'cold-coffee',
      severity: 2,
      status: 'new',
      owner: 'R&D',
    });
    expect(mine[0]!.deadlines.map((d) => d.kind)).toEqual(['respond', 'resolve']);
  });

  it('opens no case for a happy customer or a spam comment, and flags the spam', async () => {
    const before = (await casesNow()).length;
    await answerWithNote(10, { comment: 'Lovely staff, thank you!' });
    const spam = await answerWithNote(0, { comment: 'buy cheap watches at www.example-shop.com !!!!!!!!' });
    expect(spam.note.body.flags).toEqual(expect.arrayContaining(['link', 'repeated-characters']));
    expect((await casesNow()).length).toBe(before);
  });

  it('refuses a note before its answer, and a callback contact that is not a phone or e-mail', async () => {
    const kioskHeaders = { authorization: `Bearer ${kiosk}` };
    expect((await call('POST', '/api/kiosk/notes', { boot: 1, seq: 99_999, comment: 'early' }, kioskHeaders)).status).toBe(409);
    const { note } = await answerWithNote(3, { contact: { kind: 'phone', value: 'call me maybe', consent: true } });
    expect(note.status).toBe(400);
    const noConsent = await answerWithNote(3, { contact: { kind: 'phone', value: '+49 30 1234567', consent: false } });
    expect(noConsent.note.status).toBe(400);
  });

  it('links a repeat complaint of the same subcategory at the same point (another subcategory is none)', async () => {
    const first = (await casesNow()).find((c) => c.category === 'product')!;
    const { seq: other } = await answerWithNote(1, { reasons: ['product:stale-bread'] });
    expect((await casesNow()).find((c) => c.sourceKey === `response:kiosk-1/1/${other}`)).toMatchObject({ severity: 3, repeatOf: null });
    const { seq: s } = await answerWithNote(1, { reasons: ['product:cold-coffee'] });
    const repeat = (await casesNow()).find((c) => c.sourceKey === `response:kiosk-1/1/${s}`)!;
    expect(repeat).toMatchObject({ severity: 3, repeatOf: first.id });
  });
});

describe('handling a case', () => {
  it('moves through its statuses with a full history; closing needs a root cause and the customer’s confirmation', async () => {
    const opened = await call('POST', '/api/cases', {
      siteId: SITE.id,
      pointId: POINT.id,
      origin: 'hotline',
      category: 'service',
      severity: 1,
      summary: 'Caller waited 40 minutes at the desk',
    });
    expect(opened.status).toBe(201);
    const id = opened.body.id as number;
    expect(opened.body.deadlines.map((d: { kind: string }) => d.kind)).toEqual(['respond', 'plan', 'resolve']);
    expect((await call('POST', `/api/cases/${id}/status`, { to: 'resolved' })).status).toBe(409);
    for (const to of ['acknowledged', 'in_progress', 'resolved'])
      expect((await call('POST', `/api/cases/${id}/status`, { to })).status).toBe(200);
    const refused = await call('POST', `/api/cases/${id}/status`, { to: 'closed', rootCause: 'one cashier on a Saturday' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/root cause and whether the customer confirmed/);
    await call('POST', `/api/cases/${id}/comments`, { text: 'Called back, apologised' });
    const closed = await call('POST', `/api/cases/${id}/status`, {
      to: 'closed',
      rootCause: 'one cashier on a Saturday',
      customerConfirmed: true,
    });
    expect(closed.body).toMatchObject({ status: 'closed', rootCause: 'one cashier on a Saturday', customerConfirmed: true });
    expect(closed.body.deadlines.every((d: { metAt: number | null }) => d.metAt !== null)).toBe(true);
    const { history } = (await call('GET', `/api/cases/${id}`)).body as { history: { actor: string; action: string }[] };
    expect(history.map((h) => h.action)).toEqual([
      'opened',
      'status new → acknowledged',
      'status acknowledged → in_progress',
      'status in_progress → resolved',
      'comment',
      'status resolved → closed',
    ]);
    expect(new Set(history.slice(1).map((h) => h.actor))).toEqual(new Set(['admin']));
  });

  it('keeps a consented contact from those who only read, and erases it leaving no trace in the store', async () => {
    const phone = '+4930987654321';
    const { seq: s } = await answerWithNote(0, {
      comment: 'Rude at the counter',
      contact: { kind: 'phone', value: '+49 30 987654321', consent: true },
    });
    const c = (await casesNow()).find((x) => x.sourceKey === `response:kiosk-1/1/${s}`)!;
    expect(c.contact).toBe(phone);
    // The lowest NPS rating, 0, arrives as 0 (not as a skipped question).
    expect(c.summary).toMatch(/^callback request: nps11 0;/);
    const viewer = await userSession(t, admin, { username: 'reader', role: 'viewer', sites: [SITE.id] });
    expect((await call('GET', `/api/cases/${c.id}`, undefined, viewer.headers)).body.case.contact).toBe('(hidden)');
    expect((await call('DELETE', `/api/cases/${c.id}/contact`, undefined, viewer.headers)).status).toBe(403);

    const storeBytes = () =>
      Buffer.concat(
        readdirSync(t.dataDir)
          .filter((f) => f.startsWith('feedback.db'))
          .map((f) => readFileSync(join(t.dataDir, f))),
      );
    expect(storeBytes().includes(Buffer.from(phone))).toBe(true);
    const erased = await call('DELETE', `/api/cases/${c.id}/contact`);
    expect(erased.body.contact).toBeNull();
    expect(erased.body.summary).toMatch(/Rude at the counter/);
    const store = readdirSync(t.dataDir).filter((f) => f.startsWith('feedback.db'));
    expect(store).toContain('feedback.db');
    for (const file of store) {
      const bytes = readFileSync(join(t.dataDir, file));
      expect(bytes.includes(Buffer.from(phone)), file).toBe(false);
      expect(bytes.includes(Buffer.from('987654321')), file).toBe(false);
    }
  });

  it('recomputes unmet deadlines when the severity changes, and refuses unknown cases', async () => {
    const opened = (
      await call('POST', '/api/cases', {
        siteId: SITE.id,
        origin: 'in_person',
        category: 'suggestion',
        severity: 3,
        summary: 'More chairs',
      })
    ).body as CaseView;
    const raised = (await call('PATCH', `/api/cases/${opened.id}`, { severity: 1, owner: 'Anna' })).body as CaseView;
    expect(raised.owner).toBe('Anna');
    expect(raised.deadlines.map((d) => d.kind)).toEqual(['respond', 'plan', 'resolve']);
    expect(raised.deadlines.find((d) => d.kind === 'respond')!.dueAt).toBeLessThan(
      opened.deadlines.find((d) => d.kind === 'respond')!.dueAt,
    );
    expect((await call('POST', '/api/cases/99999/status', { to: 'acknowledged' })).status).toBe(404);
    expect(
      (await call('POST', '/api/cases', { siteId: 'elsewhere', origin: 'hotline', category: 'service', severity: 2, summary: 'x' })).status,
    ).toBe(404);
  });

  it('shows a manager only the cases of their sites', async () => {
    const manager = await userSession(t, admin, { username: 'other-manager', role: 'manager', sites: [] });
    expect((await call('GET', '/api/cases', undefined, manager.headers)).body.cases).toEqual([]);
    const any = (await casesNow())[0]!;
    expect((await call('GET', `/api/cases/${any.id}`, undefined, manager.headers)).status).toBe(403);
  });
});
