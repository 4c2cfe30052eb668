import type { ReactiveController, ReactiveControllerHost } from 'lit';

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

/** The URL of a route; parameters sorted so that the same view has one address. */
export function routeUrl(route: Route, base: string): string {
  const query = new URLSearchParams(
    Object.entries(route.params)
      .filter(([, v]) => v !== '')
      .sort(([a], [b]) => a.localeCompare(b)),
  ).toString();
  return `${base}${route.view}${query ? `?${query}` : ''}`;
}

/**
 * Keeps the view in the URL: a copied link, a reload or the back button reproduce what was on
 * screen. The host re-renders on every change.
 */
export class Router implements ReactiveController {
  route: Route;
  private readonly onPop = () => this.sync();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly base: string,
    private readonly defaultView: string,
  ) {
    this.route = parseRoute(new URL(location.href), base, defaultView);
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPop);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPop);
  }

  /** Goes to a view (a new history entry), or only changes parameters (replace: true, no entry). */
  navigate(route: Route, options: { replace?: boolean } = {}): void {
    const url = routeUrl(route, this.base);
    if (options.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this.sync();
  }

  private sync(): void {
    this.route = parseRoute(new URL(location.href), this.base, this.defaultView);
    this.host.requestUpdate();
  }
}
