import { LitElement, html } from 'lit';
import { api, ApiError } from '../api-client.ts';
import { LanguageController, t } from '../i18n.ts';
import { tokens } from '../tokens.ts';
import type { SessionResponse } from '../contract.ts';
import { authFormStyles } from './auth-form-styles.ts';

/**
 * Choosing one's own password, which a generated or reset one requires before anything else;
 * fires `password-changed` (detail: the new session) when the gateway accepts.
 */
export class FbChangePassword extends LitElement {
  static override properties = { error: { state: true }, busy: { state: true } };
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    new LanguageController(this);
    this.error = '';
    this.busy = false;
  }

  static override styles = [tokens, authFormStyles];

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const newPassword = String(data.get('newPassword') ?? '');
    if (newPassword !== data.get('repeat')) {
      this.error = t('password.mismatch');
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const session = await api.send<SessionResponse>('POST', '/api/auth/password', { currentPassword: data.get('currentPassword'), newPassword });
      api.setCsrfToken(session.csrfToken);
      this.dispatchEvent(new CustomEvent<SessionResponse>('password-changed', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : t('errors.server');
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<form @submit=${this.submit}>
      <h1>${t('password.title')}</h1>
      <p>${t('password.why')}</p>
      <label>${t('password.current')}<input name="currentPassword" type="password" autocomplete="current-password" required /></label>
      <label>${t('password.new')}<input name="newPassword" type="password" autocomplete="new-password" minlength="10" required /></label>
      <label>${t('password.repeat')}<input name="repeat" type="password" autocomplete="new-password" minlength="10" required /></label>
      <button type="submit" ?disabled=${this.busy}>${t('password.submit')}</button>
      <div class="error" role="alert">${this.error}</div>
    </form>`;
  }
}
customElements.define('fb-change-password', FbChangePassword);
