import { describe, expect, it } from 'vitest';
import { parseRoute, routeUrl } from '../src/route-url.ts';

describe('a route as an address', () => {
  it('leaves out absent parameters: empty ones and undefined ones spread in from optional fields', () => {
    // a view spreading { ...params, ...patch } where the patch has optional fields left undefined
    const params = { siteId: 'b1', channel: undefined, pointId: '', period: '7d' } as unknown as Record<string, string>;
    expect(routeUrl({ view: 'trends', params }, '/dashboard/')).toBe('/dashboard/trends?period=7d&siteId=b1');
    expect(routeUrl({ view: 'overview', params: { channel: undefined } as unknown as Record<string, string> }, '/dashboard/')).toBe(
      '/dashboard/overview',
    );
  });

  it('reads back what it wrote', () => {
    const url = routeUrl({ view: 'cases', params: { status: 'new', siteId: 'b 1' } }, '/dashboard/');
    expect(url).toBe('/dashboard/cases?siteId=b+1&status=new');
    expect(parseRoute(new URL(url, 'http://gw'), '/dashboard/', 'overview')).toEqual({
      view: 'cases',
      params: { siteId: 'b 1', status: 'new' },
    });
  });
});
