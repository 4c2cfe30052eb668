import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POINT, SITE, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { scopedToken } from './helpers/identities.ts';
import type { SignedIn } from './helpers/sign-in.ts';

const SURVEY = {
  id: 'exit',
  name: 'Exit survey',
  questions: [{ id: 'recommend', number: 1, scale: 'nps11', label: 'Would you recommend us?' }],
};

interface Item {
  id: string;
  section: string;
  automatic: { answer: string; evidence: string } | null;
}

let t: TestGateway;
let admin: SignedIn;

const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${t.gateway.httpUrl}${path}`, {
    method,
    headers: { ...admin.headers, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  t = await startTestGateway({
    surveys: [SURVEY],
    devices: [{ id: 'kiosk-1', pointId: POINT.id, buttons: 4, responseIntervalMs: 0, surveyId: SURVEY.id }],
    alerts: { defaults: false },
  });
  admin = await t.login();
  const kiosk = (await scopedToken(t, admin, { name: 'kiosk', kind: 'kiosk', deviceId: 'kiosk-1' })).token;
  const values = [10, 9, 9, 3, 0];
  await fetch(`${t.gateway.httpUrl}/api/kiosk/answers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${kiosk}`, 'content-type': 'application/json' },
    body: JSON.stringify({ boot: 1, answers: values.map((value, i) => ({ seq: i + 1, question: 1, value, uptimeMs: 1000 * (i + 1) })) }),
  });
});
afterAll(async () => t?.close());

describe('the customer-centricity self-assessment', () => {
  it('answers what the gateway knows from its own figures, showing the evidence', async () => {
    const { body } = await call('GET', `/api/assessments/checklist?siteId=${SITE.id}`);
    expect(body.sections).toEqual(['methodology', 'metrics', 'customers', 'staff', 'loyalty']);
    const items = body.items as Item[];
    const nps = items.find((i) => i.id === 'metrics.nps')!;
    // 3 promoters and 2 detractors: (3 − 2) / 5 = +20, from 5 answers (under 30: partly)
    expect(nps.automatic).toEqual({ answer: 'partly', evidence: 'NPS 20 from 5 answers in the last 30 days' });
    expect(items.find((i) => i.id === 'methodology.every-point')!.automatic).toEqual({
      answer: 'yes',
      evidence: '1 of 1 points had answers in the last 30 days',
    });
    expect(items.find((i) => i.id === 'staff.training')!.automatic).toBeNull();
  });

  it('saves answers by date with section scores, filling in the automatic ones, and lists them for comparison', async () => {
    const first = await call('POST', '/api/assessments', {
      siteId: SITE.id,
      answers: { 'methodology.owner': 'yes', 'staff.training': 'partly' },
    });
    expect(first.status).toBe(201);
    const answers = first.body.answers as Record<string, { answer: string; automatic: boolean; evidence: string | null }>;
    expect(answers['methodology.owner']).toEqual({ answer: 'yes', automatic: false, evidence: null });
    expect(answers['metrics.nps']).toMatchObject({ answer: 'partly', automatic: true });
    const second = await call('POST', '/api/assessments', {
      siteId: SITE.id,
      answers: { 'methodology.owner': 'yes', 'staff.training': 'yes', 'metrics.nps': 'yes' },
    });
    expect((second.body.scores as { sections: Record<string, number> }).sections.staff).toBeGreaterThan(
      (first.body.scores as { sections: Record<string, number> }).sections.staff!,
    );
    const { body } = await call('GET', `/api/assessments?siteId=${SITE.id}`);
    expect((body.assessments as { id: number; score: number }[]).map((a) => a.id)).toEqual([first.body.id, second.body.id]);
    expect((await call('POST', '/api/assessments', { siteId: SITE.id, answers: { 'no.such.item': 'yes' } })).status).toBe(400);
  });
});
