import { describe, expect, it } from 'vitest';
import { endpointUrl } from '../src/endpoint-request.ts';

describe('an endpoint of the map as a request', () => {
  it('puts each path parameter in its place, URL-encoded', () => {
    expect(
      endpointUrl('PUT /api/comments/:deviceId/:boot/:seq/publishable', { params: { deviceId: 'kiosk 1/a', boot: 3, seq: 0 } }),
    ).toEqual({
      method: 'PUT',
      url: '/api/comments/kiosk%201%2Fa/3/0/publishable',
    });
    expect(endpointUrl('GET /api/reports/:id/report.:format', { params: { id: 7, format: 'pdf' } }).url).toBe('/api/reports/7/report.pdf');
  });

  it('appends the defined query fields, and nothing when there are none', () => {
    expect(endpointUrl('GET /api/cases', { query: { limit: 200, overdue: true, siteId: undefined, status: 'new' } }).url).toBe(
      '/api/cases?limit=200&overdue=true&status=new',
    );
    expect(endpointUrl('GET /api/points').url).toBe('/api/points');
    expect(endpointUrl('GET /api/points', { query: {} }).url).toBe('/api/points');
  });

  it('refuses a path parameter it was not given', () => {
    expect(() => endpointUrl('GET /api/cases/:id', { params: {} })).toThrow(':id');
  });
});
