import type { EndpointKey, Endpoints } from './contract.ts';

/** A part of a request, required when it has a required field, optional when all of its fields are, absent when the endpoint takes none. */
type PartOf<Name extends string, T> = [T] extends [undefined] ? object : object extends T ? { [K in Name]?: T } : { [K in Name]: T };

/** What a call of this endpoint sends: its path parameters, query and body, typed by the endpoint map. */
export type RequestOf<K extends EndpointKey> = PartOf<'params', Endpoints[K]['params']> &
  PartOf<'query', Endpoints[K]['query']> &
  PartOf<'body', Endpoints[K]['body']>;

/** The arguments after the endpoint's key: none when it takes nothing, an optional request when every part is optional. */
export type RequestArgs<K extends EndpointKey> = keyof RequestOf<K> extends never
  ? []
  : object extends RequestOf<K>
    ? [request?: RequestOf<K>]
    : [request: RequestOf<K>];

type QueryValue = string | number | boolean | undefined;

/**
 * "GET /api/cases/:id" with { params: { id: 7 }, query: { limit: 5 } } -> { method: 'GET', url: '/api/cases/7?limit=5' }:
 * each :name replaced by its parameter (URL-encoded), the query's defined fields appended in their order.
 */
export function endpointUrl(key: string, request: object = {}): { method: string; url: string } {
  const parts = request as { params?: Record<string, string | number>; query?: Record<string, QueryValue> };
  const space = key.indexOf(' ');
  const method = key.slice(0, space);
  const params = parts.params ?? {};
  const path = key.slice(space + 1).replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${key}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parts.query ?? {})) if (value !== undefined) query.set(name, String(value));
  const search = query.toString();
  return { method, url: search ? `${path}?${search}` : path };
}
