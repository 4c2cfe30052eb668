import type { SignedIn } from '../helpers/sign-in.ts';

/** Sample closed-loop data through the API, as a kiosk and a manager would make it: cases, reviews, a report, a self-assessment. */
export async function seedClosedLoop(baseUrl: string, admin: SignedIn, kioskToken: string, siteId: string, pointId: string): Promise<void> {
  const call = async (method: string, path: string, body: unknown, headers: Record<string, string> = admin.headers) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? undefined : ((await response.json()) as Record<string, unknown>);
  };
  const kiosk = { authorization: `Bearer ${kioskToken}` };
  const notes = [
    {
      value: 1,
      reasons: ['service:waiting-time'],
      comment: 'Twenty minutes in the queue and only one till open',
      contact: { kind: 'phone', value: '+49 30 1234567', consent: true },
    },
    { value: 3, reasons: ['product:cold-coffee'], comment: 'The coffee was lukewarm' },
    { value: 2, reasons: ['service:waiting-time'] },
  ];
  await call(
    'POST',
    '/api/kiosk/answers',
    { boot: 7, answers: notes.map((n, i) => ({ seq: i + 1, question: 1, value: n.value, uptimeMs: 1000 * (i + 1) })) },
    kiosk,
  );
  for (const [i, n] of notes.entries())
    await call('POST', '/api/kiosk/notes', { boot: 7, seq: i + 1, reasons: n.reasons, comment: n.comment, contact: n.contact }, kiosk);
  const hotline = (await call('POST', '/api/cases', {
    siteId,
    origin: 'hotline',
    category: 'operations',
    severity: 1,
    summary: 'Card terminal at the exit rejects contactless payments',
  })) as { id: number };
  await call('POST', `/api/cases/${hotline.id}/status`, { to: 'acknowledged' });
  await call('POST', `/api/cases/${hotline.id}/comments`, { text: 'Vendor called, technician booked for 14:00' });
  await call('POST', `/api/cases/${hotline.id}/status`, { to: 'in_progress' });
  const day = 86_400_000;
  await call('POST', `/api/reviews/import?siteId=${siteId}`, [
    {
      platform: 'maps',
      id: 'm-101',
      date: new Date(Date.now() - 2 * day).toISOString(),
      author: 'Maria K.',
      rating: 5,
      text: 'Lovely staff and the best croissants in town!',
    },
    {
      platform: 'maps',
      id: 'm-102',
      date: new Date(Date.now() - 30 * 3_600_000).toISOString(),
      author: 'Ivan',
      rating: 2,
      text: 'Slow queue at lunchtime. Nobody opened a second till.',
    },
    { platform: 'market', id: 'x-9', date: new Date(Date.now() - 3 * 3_600_000).toISOString(), author: 'Li Wei', text: '服务很好，推荐' },
  ]);
  // Five staff on shift this week and their anonymous pulses (the running week shows as still running until it ends).
  for (let i = 1; i <= 5; i++) {
    await call('PUT', `/api/staff/s${i}`, { name: `Staff ${i}` });
    await call('POST', '/api/shifts', { staffId: `s${i}`, pointId, from: Date.now() - 3_600_000, to: Date.now() + 3_600_000 });
  }
  for (const [enps, drained] of [
    [9, 2],
    [10, 1],
    [7, 4],
    [3, 5],
    [8, 2],
    [9, 3],
  ] as const)
    await call('POST', '/api/kiosk/pulse', { key: `sample-pulse-${enps}-${drained}-${Date.now()}`, enps, drained }, kiosk);
  await call('POST', '/api/reports', { siteId, from: Date.now() - 7 * day, to: Date.now() });
  await call('POST', '/api/assessments', { siteId, answers: { 'methodology.owner': 'yes', 'staff.training': 'partly' } });
}
