import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseRoute, routeUrl, type Route } from './route-url.ts';

export { parseRoute, routeUrl, type Route };

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
