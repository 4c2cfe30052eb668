import { LitElement, css, html } from 'lit';
import { api, ApiError } from '../api-client.ts';
import { LanguageController, t } from '../i18n.ts';
import { tokens } from '../tokens.ts';
import type { SessionResponse } from '../contract.ts';

/** The sign-in form both apps use; fires `signed-in` (detail: the session answer) when the gateway accepts. */
export class FbSignIn extends LitElement {
  static override properties = { error: { state: true }, busy: { state: true } };
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    new LanguageController(this);
    this.error = '';
    this.busy = false;
  }

  static override styles = [
    tokens,
    css`
      form { max-width: 320px; margin: 15vh auto; background: var(--fb-surface); padding: var(--fb-space-5); border-radius: var(--fb-radius); box-shadow: 0 2px 12px #0001; display: grid; gap: var(--fb-space-3); }
      h1 { margin: 0 0 var(--fb-space-2); font-size: var(--fb-text-l); }
      label { display: grid; gap: var(--fb-space-1); font-size: var(--fb-text-s); color: var(--fb-text-muted); }
      input, button { font: inherit; padding: 0.6rem; border-radius: 8px; border: 1px solid var(--fb-border); color: var(--fb-text); }
      button { background: var(--fb-accent); color: var(--fb-on-accent); border: none; cursor: pointer; }
      .error { color: var(--fb-negative); min-height: 1.2em; }
    `,
  ];

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      const session = await api.send<SessionResponse>('POST', '/api/auth/login', { username: data.get('username'), password: data.get('password') });
      api.setCsrfToken(session.csrfToken);
      this.dispatchEvent(new CustomEvent<SessionResponse>('signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : t('errors.server');
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<form @submit=${this.submit}>
      <h1>${t('signIn.title')}</h1>
      <label>${t('signIn.username')}<input name="username" autocomplete="username" required /></label>
      <label>${t('signIn.password')}<input name="password" type="password" autocomplete="current-password" required /></label>
      <button type="submit" ?disabled=${this.busy}>${t('signIn.submit')}</button>
      <div class="error" role="alert">${this.error}</div>
    </form>`;
  }
}
customElements.define('fb-sign-in', FbSignIn);
