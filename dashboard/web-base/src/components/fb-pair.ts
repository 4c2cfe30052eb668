import { LitElement, html } from 'lit';
import { api, ApiError } from '../api-client.ts';
import { LanguageController, t } from '../i18n.ts';
import { tokens } from '../tokens.ts';
import { authFormStyles } from './auth-form-styles.ts';

/**
 * Pairing a kiosk or a staff screen with the short code an admin gives: exchanged once for the
 * device's token, which is kept in this browser (under `storageKey`); then `paired` fires.
 */
export class FbPair extends LitElement {
  static override properties = { storageKey: {}, error: { state: true }, busy: { state: true } };
  declare storageKey: string;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    new LanguageController(this);
    this.storageKey = '';
    this.error = '';
    this.busy = false;
  }

  static override styles = [tokens, authFormStyles];

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const code = String(new FormData(event.target as HTMLFormElement).get('code') ?? '');
    this.busy = true;
    this.error = '';
    try {
      const { token } = await api.send<{ token: string }>('POST', '/api/pair', { code });
      localStorage.setItem(this.storageKey, token);
      this.dispatchEvent(new CustomEvent<string>('paired', { detail: token, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof ApiError && error.status === 404 ? t('pair.unknown') : error instanceof ApiError ? error.message : t('errors.server');
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<form @submit=${this.submit}>
      <h1>${t('pair.title')}</h1>
      <p>${t('pair.how')}</p>
      <label>${t('pair.code')}<input name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="20" required /></label>
      <button type="submit" ?disabled=${this.busy}>${t('pair.submit')}</button>
      <div class="error" role="alert">${this.error}</div>
    </form>`;
  }
}
customElements.define('fb-pair', FbPair);
