import { html } from 'lit';
import { api } from '../api-client.ts';
import { t } from '../i18n.ts';
import { changePassword } from '../data/session.ts';
import type { SessionResponse } from '../contract.ts';
import { ApiForm } from './api-form.ts';

/**
 * Choosing one's own password, which a generated or reset one requires before anything else;
 * fires `password-changed` (detail: the new session) when the gateway accepts.
 */
export class FbChangePassword extends ApiForm {
  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const newPassword = String(data.get('newPassword') ?? '');
    if (newPassword !== data.get('repeat')) {
      this.error = t('password.mismatch');
      return;
    }
    await this.attempt(async () => {
      const session = await changePassword(String(data.get('currentPassword') ?? ''), newPassword);
      api.setCsrfToken(session.csrfToken);
      this.dispatchEvent(new CustomEvent<SessionResponse>('password-changed', { detail: session, bubbles: true, composed: true }));
    });
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
