/**
 * Type-level tests of the endpoint map, checked by `tsc -p dashboard/web-base/tsconfig.json` (never run, never bundled):
 * each `@ts-expect-error` line must stay an error, so a client that accepted a wrong path or shape fails the type check.
 */
import type { ApiClient } from '../api-client.ts';
import type { ResponseOf } from '../contract.ts';

export async function endpointMapRefusesWhatTheRoutesDoNot(api: ApiClient): Promise<void> {
  // a path the gateway has
  const { cases } = await api.call('GET /api/cases', { query: { limit: 10, status: 'new' } });
  cases[0]?.siteId satisfies string | undefined;
  // @ts-expect-error a path it has not
  await api.call('GET /api/case');
  // @ts-expect-error a method the path does not take
  await api.call('PUT /api/cases', { body: {} });
  // @ts-expect-error a path parameter by the wrong name (the route says :staffId)
  await api.call('PUT /api/staff/:id', { params: { id: 'ann' }, body: { name: 'Ann' } });
  // @ts-expect-error a path parameter missing
  await api.call('GET /api/cases/:id');
  // @ts-expect-error a path parameter of the wrong type
  await api.call('GET /api/cases/:id', { params: { id: 'seven' } });
  // @ts-expect-error a body field the route does not know
  await api.call('POST /api/alerts/:id/ack', { params: { id: 1 }, body: { note: 'x' } });
  // @ts-expect-error a required query field missing (the trend's interval)
  await api.call('GET /api/indices/:index/trend', { params: { index: 'happy' }, query: { from: '0', to: '1' } });
  // @ts-expect-error an index the gateway does not compute
  await api.call('GET /api/indices/:index/breakdown', { params: { index: 'happiness' }, query: { from: '0', to: '1', by: 'point' } });
  // @ts-expect-error a status no case has
  await api.call('GET /api/cases', { query: { limit: 10, status: 'pending' } });
  // @ts-expect-error a file upload to an endpoint that takes JSON
  await api.upload('POST /api/cases', {}, 'text', 'text/csv');
  // @ts-expect-error a link to an endpoint that changes something
  api.href('POST /api/reports', { body: { siteId: 's', from: 0, to: 1 } });
}

// @ts-expect-error an answer read as a shape it does not have
export const drifted = (me: ResponseOf<'GET /api/auth/me'>): string => me.user.name;
// what it has
export const signedIn = (me: ResponseOf<'GET /api/auth/me'>): string => me.user.username;
// a 204 answers nothing
export const nothing: ResponseOf<'POST /api/auth/logout'> = undefined;
