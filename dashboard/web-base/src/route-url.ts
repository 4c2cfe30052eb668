/** Where the app is: a view and its parameters (filters, ids), exactly what the URL says. */
export interface Route {
  view: string;
  params: Record<string, string>;
}

/** Reads a route from a URL under the app's base path: /dashboard/trends?pointId=x → trends, {pointId: x}. */
export function parseRoute(url: URL, base: string, defaultView: string): Route {
  const rest = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : '';
  const view = rest.split('/').filter(Boolean)[0] ?? defaultView;
  return { view, params: Object.fromEntries(url.searchParams) };
}

/**
 * The URL of a route; parameters sorted so that the same view has one address. An absent parameter
 * (empty, or undefined from a spread of optional fields) is left out, never written as "channel=undefined".
 */
export function routeUrl(route: Route, base: string): string {
  const params: [string, string | undefined | null][] = Object.entries(route.params);
  const query = new URLSearchParams(
    params
      .flatMap(([k, v]): [string, string][] => (v === '' || v === undefined || v === null ? [] : [[k, v]]))
      .sort(([a], [b]) => a.localeCompare(b)),
  ).toString();
  return `${base}${route.view}${query ? `?${query}` : ''}`;
}
