import { html } from 'lit';
import { api } from '../api-client.ts';
import { t } from '../i18n.ts';
import { signIn } from '../data/session.ts';
import type { SessionResponse } from '../contract.ts';
import { ApiForm } from './api-form.ts';

/** The sign-in form both apps use; fires `signed-in` (detail: the session answer) when the gateway accepts. */
export class FbSignIn extends ApiForm {
  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    await this.attempt(async () => {
      const session = await signIn(String(data.get('username') ?? ''), String(data.get('password') ?? ''));
      api.setCsrfToken(session.csrfToken);
      this.dispatchEvent(new CustomEvent<SessionResponse>('signed-in', { detail: session, bubbles: true, composed: true }));
    });
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
