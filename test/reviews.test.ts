import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { SITE, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import type { SignedIn } from './helpers/sign-in.ts';

const WEBHOOK_SECRET = 'reviews-webhook-secret-0123';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API bodies are checked by the assertions that read them
type Reply = { status: number; body: any };

let t: TestGateway;
let admin: SignedIn;

async function send(method: string, path: string, body?: string | Uint8Array, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(`${t.gateway.httpUrl}${path}`, {
    method,
    headers: { ...admin.headers, ...headers },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
const json = (method: string, path: string, body?: unknown) =>
  send(
    method,
    path,
    body === undefined ? undefined : JSON.stringify(body),
    body === undefined ? {} : { 'content-type': 'application/json' },
  );

beforeAll(async () => {
  t = await startTestGateway({ reviews: { webhookSecret: WEBHOOK_SECRET } });
  admin = await t.login();
});
afterAll(async () => t?.close());

describe('the online reviews journal', () => {
  it('imports a CSV, keeps the valid rows and reports each malformed one by line', async () => {
    const csv = [
      'platform,id,date,author,rating,ratingMax,text,link',
      'maps,m-1,2026-11-20T10:00:00Z,Maria,5,,"Great coffee, friendly staff",',
      'maps,m-2,not-a-date,Ivan,2,,Slow,',
      'market,,2026-11-21T09:00:00Z,Li,,,"服务很好，推荐",https://market.example/r/77',
      'maps,m-3,2026-11-21T12:00:00Z,Anna,7,,Too high,',
      'social,s-1,2026-11-22T08:00:00Z,Petr,,,"Долго ждали,',
      'кофе холодный",',
      ',x,2026-11-22T08:00:00Z,,3,,,',
      'maps,m-4,2026-11-22T10:00:00Z,Olga,8,10,Good,',
    ].join('\n');
    const result = await send('POST', `/api/reviews/import?siteId=${SITE.id}`, csv, { 'content-type': 'text/csv' });
    expect(result.status).toBe(200);
    expect(result.body.imported).toBe(4);
    expect(result.body.problems.map((p: { line: number; message: string }) => [p.line, p.message.split(' ')[0]])).toEqual([
      [3, 'date'],
      [5, 'rating'],
      [8, 'platform'],
    ]);
    const { reviews } = (await json('GET', `/api/reviews?siteId=${SITE.id}`)).body as {
      reviews: {
        externalId: string | null;
        platform: string;
        sentiment: string;
        sentimentFrom: string;
        rating: number | null;
        text: string;
      }[];
    };
    const byKey = new Map(reviews.map((r) => [r.externalId ?? r.platform, r]));
    expect(byKey.get('m-1')).toMatchObject({ sentiment: 'positive', sentimentFrom: 'rating' });
    expect(byKey.get('market')).toMatchObject({ sentiment: 'positive', sentimentFrom: 'text' });
    expect(byKey.get('s-1')).toMatchObject({ sentiment: 'negative', sentimentFrom: 'text', text: 'Долго ждали,\nкофе холодный' });
    expect(byKey.get('m-4')).toMatchObject({ rating: 4.11, sentiment: 'positive' });

    const again = await send('POST', `/api/reviews/import?siteId=${SITE.id}`, csv, { 'content-type': 'text/csv' });
    expect(again.body).toMatchObject({ imported: 0, duplicates: 4 });
  });

  it('imports a Russian Excel export as it is (cp1251, semicolons, DD.MM.YYYY) and says how it read it', async () => {
    // "Иван" and "Долго" in cp1251, written byte by byte
    const ivan = [0xc8, 0xe2, 0xe0, 0xed];
    const dolgo = [0xc4, 0xee, 0xeb, 0xe3, 0xee];
    const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
    const file = Uint8Array.from([
      ...ascii('platform;id;date;author;rating;text\r\nyandex;y-77;01.12.2026;'),
      ...ivan,
      ...ascii(';2;'),
      ...dolgo,
      ...ascii('\r\n'),
    ]);
    const result = await send('POST', `/api/reviews/import?siteId=${SITE.id}`, file, { 'content-type': 'text/csv' });
    expect(result.body).toEqual({ imported: 1, duplicates: 0, problems: [], read: { encoding: 'windows-1251', delimiter: ';' } });
    const { body } = await send('GET', `/api/reviews?siteId=${SITE.id}`);
    const stored = (body as { reviews: { externalId: string; author: string; text: string; publishedAt: number }[] }).reviews.find(
      (r) => r.externalId === 'y-77',
    );
    // a date alone is the site's midnight: 1 December 00:00 in Berlin (UTC+1)
    expect(stored).toMatchObject({ author: 'Иван', text: 'Долго', publishedAt: Date.UTC(2026, 10, 30, 23) });
  });

  it('imports JSON, deduplicating by link as well as by id', async () => {
    const result = await json('POST', `/api/reviews/import?siteId=${SITE.id}`, [
      { platform: 'market', date: '2026-11-23T09:00:00Z', rating: 1, text: 'Broken on arrival', link: 'https://market.example/r/77' },
      { platform: 'market', date: '2026-11-23T09:00:00Z', rating: 1, text: 'Broken on arrival', link: 'https://market.example/r/78' },
      { platform: 'market', date: 'yesterday', rating: 1 },
      'not an object',
    ]);
    expect(result.body).toEqual({
      imported: 1,
      duplicates: 1,
      problems: [
        { item: 3, message: expect.stringMatching(/^date/) },
        { item: 4, message: 'not an object' },
      ],
    });
    expect((await json('POST', '/api/reviews/import?siteId=nowhere', [])).status).toBe(404);
  });

  it('imports a JSON array of one review, and refuses a JSON body that is not a list with a clear 400', async () => {
    const one = await json('POST', `/api/reviews/import?siteId=${SITE.id}`, [
      { platform: 'maps', id: 'solo-1', date: '2026-11-24T09:00:00Z', rating: 5, text: 'Quick and kind' },
    ]);
    expect(one).toMatchObject({ status: 200, body: { imported: 1, duplicates: 0, problems: [] } });
    const notAList = await json('POST', `/api/reviews/import?siteId=${SITE.id}`, { platform: 'maps', id: 'x' });
    expect(notAList).toMatchObject({ status: 400, body: { message: 'Send the reviews as a JSON array, JSON lines or CSV' } });
  });

  it('takes reviews from the webhook only with the right signature', async () => {
    const body = JSON.stringify({
      siteId: SITE.id,
      reviews: [{ platform: 'social', id: 'w-1', date: '2026-11-23T12:00:00Z', author: 'Kim', text: 'Terrible queue, rude staff' }],
    });
    const sign = (b: string) => `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(b).digest('hex')}`;
    const post = (b: string, signature?: string) =>
      fetch(`${t.gateway.httpUrl}/api/reviews/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(signature ? { 'x-feedback-signature': signature } : {}) },
        body: b,
      });
    expect((await post(body)).status).toBe(401);
    expect((await post(body, sign(`${body} `))).status).toBe(401);
    expect((await post('{"siteId":', sign('{"siteId":'))).status).toBe(400);
    const accepted = await post(body, sign(body));
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ imported: 1, duplicates: 0, problems: [] });
  });

  it('drafts a reply in the tone of the review, records the answer, and passes a review to quality as one case', async () => {
    const { reviews } = (await json('GET', `/api/reviews?siteId=${SITE.id}&sentiment=negative`)).body as {
      reviews: { id: number; externalId: string | null }[];
    };
    const kim = reviews.find((r) => r.externalId === 'w-1')!;
    const draft = (await json('GET', `/api/reviews/${kim.id}/draft?language=en`)).body.draft as string;
    expect(draft).toMatch(/^Dear Kim,/);
    expect(draft).toMatch(/sorry about “Terrible queue, rude staff”/);
    const passed = await json('POST', `/api/reviews/${kim.id}/status`, { to: 'passed_to_quality' });
    expect(passed.body.status).toBe('passed_to_quality');
    const caseId = passed.body.caseId as number;
    expect((await json('GET', `/api/cases/${caseId}`)).body.case).toMatchObject({
      origin: 'review',
      sourceKey: `review:${kim.id}`,
      severity: 2,
    });
    expect((await json('POST', `/api/reviews/${kim.id}/status`, { to: 'passed_to_quality' })).status).toBe(409);
    const answered = await json('POST', `/api/reviews/${kim.id}/reply`, { text: draft });
    expect(answered.body).toMatchObject({ status: 'answered', answeredBy: 'admin' });
  });
});
