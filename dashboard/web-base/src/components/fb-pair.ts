import { html } from 'lit';
import { pair } from '../data/session.ts';
import { t } from '../i18n.ts';
import { ApiForm } from './api-form.ts';

/**
 * Pairing a kiosk or a staff screen with the short code an admin gives: exchanged once for the
 * device's token, which is kept in this browser (under `storageKey`); then `paired` fires.
 */
export class FbPair extends ApiForm {
  static override properties = { ...ApiForm.properties, storageKey: {} };
  declare storageKey: string;

  constructor() {
    super();
    this.storageKey = '';
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const code = String(new FormData(event.target as HTMLFormElement).get('code') ?? '');
    await this.attempt(
      async () => {
        const { token } = await pair(code);
        localStorage.setItem(this.storageKey, token);
        this.dispatchEvent(new CustomEvent<string>('paired', { detail: token, bubbles: true, composed: true }));
      },
      (error) => (error.status === 404 ? t('pair.unknown') : undefined),
    );
  }

  override render() {
    return html`<form @submit=${this.submit}>
      <h1>${t('pair.title')}</h1>
      <p>${t('pair.how')}</p>
      <label
        >${t('pair.code')}<input name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="20" required
      /></label>
      <button type="submit" ?disabled=${this.busy}>${t('pair.submit')}</button>
      <div class="error" role="alert">${this.error}</div>
    </form>`;
  }
}
customElements.define('fb-pair', FbPair);
