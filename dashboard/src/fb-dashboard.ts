import { LitElement, css, html } from 'lit';
import { api } from '@feedback/web-base/api-client.ts';
import { LanguageController, LANGUAGE_NAMES, LANGUAGES, language, setLanguage, t, type Language } from '@feedback/web-base/i18n.ts';
import { Router } from '@feedback/web-base/router.ts';
import { LiveController } from '@feedback/web-base/live-controller.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import type { ApiUser, PointSummary } from '@feedback/web-base/contract.ts';
import '@feedback/web-base/components/fb-sign-in.ts';
import '@feedback/web-base/components/fb-change-password.ts';
import './fb-filter-bar.ts';
import './fb-overview.ts';
import './fb-trends.ts';
import './fb-breakdowns.ts';
import { filtersOf, type Filters } from './filters.ts';
import { points as loadPoints } from './data/topology.ts';
import { signOut, whoAmI } from '@feedback/web-base/data/session.ts';

const VIEWS = ['overview', 'trends', 'breakdowns', 'cases', 'reviews', 'reports', 'settings'] as const;
/**
 * Views loaded when first opened, so the overview (what most visits open) parses less JavaScript
 * first; the element upgrades when its module arrives.
 */
const LAZY_VIEWS: Record<string, () => Promise<unknown>> = {
  cases: () => import('./closed-loop/fb-cases.ts'),
  reviews: () => import('./closed-loop/fb-reviews.ts'),
  reports: () => import('./closed-loop/fb-reports.ts'),
  settings: () => import('./settings/fb-settings.ts'),
};

/** Views only those who may change something see (the API refuses the others too). */
const ACTING_VIEWS: readonly string[] = ['settings'];

/** The manager dashboard: signs in (or finds the session still good), then the views, each with the filters in the URL. */
export class FbDashboard extends LitElement {
  static override properties = {
    signedIn: { state: true },
    checked: { state: true },
    user: { state: true },
    points: { state: true },
    pointsLoaded: { state: true },
  };
  declare signedIn: boolean;
  declare checked: boolean;
  declare user: ApiUser | undefined;
  declare points: PointSummary[];
  /** the points (and so the sites' time zones) are known: until then no view asks for a range */
  declare pointsLoaded: boolean;
  private readonly router = new Router(this, '/dashboard/', 'overview');

  constructor() {
    super();
    new LanguageController(this);
    this.signedIn = false;
    this.checked = false;
    this.points = [];
    this.pointsLoaded = false;
  }

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--fb-bg);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--fb-space-3);
        padding: var(--fb-space-3) var(--fb-space-4);
        background: var(--fb-header);
        color: var(--fb-on-header);
      }
      header h1 {
        font-size: var(--fb-text-m);
        margin: 0;
      }
      nav {
        display: flex;
        flex-wrap: wrap;
        gap: var(--fb-space-2);
        flex: 1;
      }
      nav a {
        color: var(--fb-on-header);
        text-decoration: none;
        padding: 0.3rem 0.6rem;
        border-radius: 6px;
      }
      nav a[aria-current='page'] {
        background: #ffffff22;
        text-decoration: underline;
      }
      select,
      button {
        font: inherit;
        background: transparent;
        color: var(--fb-on-header);
        border: 1px solid #ffffff99;
        border-radius: 6px;
        padding: 0.3rem 0.6rem;
      }
      option {
        color: var(--fb-text);
      }
    `,
  ];

  private stopListening: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopListening = api.onSessionExpired(() => (this.signedIn = false));
    // The session cookie is HttpOnly: ask the gateway whether it is still good (and get its CSRF token).
    void whoAmI()
      .then((me) => this.enter(me))
      .catch(() => undefined)
      .finally(() => (this.checked = true));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
  }

  /** Signed in: remember who, and load what the filters offer. */
  private enter(me: { user: ApiUser; csrfToken: string }): void {
    api.setCsrfToken(me.csrfToken);
    this.user = me.user;
    this.signedIn = true;
    if (me.user.mustChangePassword) return;
    this.loadPoints();
    // points added or renamed in the settings reach the filters at once (the socket needs the session, so only now)
    this.settingsLive ??= new LiveController(this, 'settings', () => this.loadPoints());
  }

  private settingsLive: LiveController<'settings'> | undefined;

  private loadPoints(): void {
    void loadPoints()
      .then(({ points }) => (this.points = points))
      .catch(() => undefined)
      .finally(() => (this.pointsLoaded = true));
  }

  private filters: Filters | undefined;

  /** The same object while the URL's filters stay the same, so views reload only when they change. */
  private filtersFor(route: Parameters<typeof filtersOf>[0]): Filters {
    const next = filtersOf(
      route,
      this.points.map((p) => ({ siteId: p.siteId, pointId: p.pointId, timeZone: p.timeZone })),
    );
    if (!this.filters || JSON.stringify(this.filters) !== JSON.stringify(next)) this.filters = next;
    return this.filters;
  }

  private navigate(view: string, params: Record<string, string>, replace = false): void {
    this.router.navigate({ view, params }, { replace });
  }

  private onFilters(f: Filters): void {
    const { siteId, pointId, period, fromDate, toDate, channel, deviceId, surveyId } = f;
    this.navigate(this.router.route.view, {
      ...this.router.route.params,
      siteId,
      pointId,
      channel,
      deviceId,
      surveyId,
      period: period === 'today' ? '' : period,
      fromDate,
      toDate,
    });
  }

  private view(view: string, filters: Filters, params: Record<string, string>, canAct: boolean) {
    void LAZY_VIEWS[view]?.();
    switch (view) {
      case 'trends':
        return html`<fb-trends .filters=${filters} .params=${params} .points=${this.points}></fb-trends>`;
      case 'breakdowns':
        return html`<fb-breakdowns .filters=${filters} .params=${params} .points=${this.points}></fb-breakdowns>`;
      case 'cases':
        return html`<fb-cases .filters=${filters} .params=${params} .points=${this.points} ?canAct=${canAct}></fb-cases>`;
      case 'reviews':
        return html`<fb-reviews .filters=${filters} .points=${this.points} ?canAct=${canAct}></fb-reviews>`;
      case 'reports':
        return html`<fb-reports .filters=${filters} .points=${this.points} ?canAct=${canAct}></fb-reports>`;
      case 'settings':
        return canAct ? html`<fb-settings></fb-settings>` : html`<fb-overview .filters=${filters} ?canAct=${canAct}></fb-overview>`;
      default:
        return html`<fb-overview .filters=${filters} ?canAct=${canAct}></fb-overview>`;
    }
  }

  private async signOut() {
    await signOut().catch(() => undefined);
    api.setCsrfToken(null);
    this.signedIn = false;
  }

  override render() {
    if (!this.checked) return html``;
    if (!this.signedIn)
      return html`<fb-sign-in @signed-in=${(e: CustomEvent<{ user: ApiUser; csrfToken: string }>) => this.enter(e.detail)}></fb-sign-in>`;
    if (this.user?.mustChangePassword)
      return html`<fb-change-password
        @password-changed=${(e: CustomEvent<{ user: ApiUser; csrfToken: string }>) => this.enter(e.detail)}
      ></fb-change-password>`;
    const route = this.router.route;
    const view = (VIEWS as readonly string[]).includes(route.view) ? route.view : 'overview';
    const filters = this.filtersFor(route);
    const canAct = this.user?.role === 'admin' || this.user?.role === 'manager';
    const link = (v: string) =>
      html`<a
        href=${`/dashboard/${v}${location.search}`}
        aria-current=${v === view ? 'page' : 'false'}
        @click=${(e: MouseEvent) => {
          e.preventDefault();
          this.navigate(v, route.params);
        }}
        >${t(`nav.${v}`)}</a
      >`;
    return html`
      <header>
        <h1>${t('app.dashboard')}</h1>
        <nav aria-label=${t('nav.title')}>${VIEWS.filter((v) => canAct || !ACTING_VIEWS.includes(v)).map(link)}</nav>
        <label>
          <span hidden>${t('language')}</span>
          <select aria-label=${t('language')} @change=${(e: Event) => void setLanguage((e.target as HTMLSelectElement).value as Language)}>
            ${LANGUAGES.map((l) => html`<option value=${l} ?selected=${l === language()}>${LANGUAGE_NAMES[l]}</option>`)}
          </select>
        </label>
        <button @click=${() => void this.signOut()}>${t('signOut')}</button>
      </header>
      <fb-filter-bar
        .filters=${filters}
        .points=${this.points}
        @filters-changed=${(e: CustomEvent<Filters>) => this.onFilters(e.detail)}
      ></fb-filter-bar>
      <main @params-changed=${(e: CustomEvent<Record<string, string>>) => this.navigate(view, e.detail, true)}>
        ${this.pointsLoaded ? this.view(view, filters, route.params, canAct) : ''}
      </main>
    `;
  }
}
customElements.define('fb-dashboard', FbDashboard);
