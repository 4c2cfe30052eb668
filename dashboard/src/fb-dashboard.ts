import { LitElement, css, html } from 'lit';
import { api } from '@feedback/web-base/api-client.ts';
import { LanguageController, LANGUAGE_NAMES, LANGUAGES, language, setLanguage, t, type Language } from '@feedback/web-base/i18n.ts';
import { Router } from '@feedback/web-base/router.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import type { MeResponse } from '@feedback/web-base/contract.ts';
import '@feedback/web-base/components/fb-sign-in.ts';
import './fb-live-points.ts';

/** The manager dashboard: signs in (or finds the session still good), then shows the live overview. */
export class FbDashboard extends LitElement {
  static override properties = { signedIn: { state: true }, checked: { state: true } };
  declare signedIn: boolean;
  declare checked: boolean;
  private readonly router = new Router(this, '/dashboard/', 'overview');

  constructor() {
    super();
    new LanguageController(this);
    this.signedIn = false;
    this.checked = false;
  }

  static override styles = [
    tokens,
    css`
      :host { display: block; min-height: 100vh; background: var(--fb-bg); }
      header { display: flex; align-items: center; gap: var(--fb-space-3); padding: var(--fb-space-3) var(--fb-space-4); background: var(--fb-header); color: var(--fb-on-header); }
      header h1 { font-size: var(--fb-text-m); margin: 0; flex: 1; }
      select, button { font: inherit; background: transparent; color: var(--fb-on-header); border: 1px solid #ffffff99; border-radius: 6px; padding: 0.3rem 0.6rem; }
      option { color: var(--fb-text); }
    `,
  ];

  private stopListening: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopListening = api.onSessionExpired(() => (this.signedIn = false));
    // The session cookie is HttpOnly: ask the gateway whether it is still good (and get its CSRF token).
    void api
      .get<MeResponse>('/api/auth/me')
      .then((me) => {
        api.setCsrfToken(me.csrfToken);
        this.signedIn = true;
      })
      .catch(() => undefined)
      .finally(() => (this.checked = true));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
  }

  private async signOut() {
    await api.send('POST', '/api/auth/logout').catch(() => undefined);
    api.setCsrfToken(null);
    this.signedIn = false;
  }

  override render() {
    if (!this.checked) return html``;
    if (!this.signedIn) return html`<fb-sign-in @signed-in=${() => (this.signedIn = true)}></fb-sign-in>`;
    return html`
      <header>
        <h1>${t('app.dashboard')}</h1>
        <label>
          <span hidden>${t('language')}</span>
          <select aria-label=${t('language')} @change=${(e: Event) => void setLanguage((e.target as HTMLSelectElement).value as Language)}>
            ${LANGUAGES.map((l) => html`<option value=${l} ?selected=${l === language()}>${LANGUAGE_NAMES[l]}</option>`)}
          </select>
        </label>
        <button @click=${() => void this.signOut()}>${t('signOut')}</button>
      </header>
      <fb-live-points .route=${this.router.route}></fb-live-points>
    `;
  }
}
customElements.define('fb-dashboard', FbDashboard);
