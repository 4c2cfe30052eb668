import { LitElement, css, html } from 'lit';
import { api, session } from './session.ts';

/** The sign-in form; fires `signed-in` when the gateway accepts the credentials. */
export class FbLogin extends LitElement {
  static override properties = { error: { state: true }, busy: { state: true } };
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.error = '';
    this.busy = false;
  }

  static override styles = css`
    form { max-width: 320px; margin: 15vh auto; background: #fff; padding: 2rem; border-radius: 12px; box-shadow: 0 2px 12px #0001; display: grid; gap: 0.8rem; }
    h1 { margin: 0 0 0.5rem; font-size: 1.3rem; }
    input, button { font: inherit; padding: 0.6rem; border-radius: 8px; border: 1px solid #c8ccd4; }
    button { background: #2456d3; color: #fff; border: none; cursor: pointer; }
    .error { color: #b3261e; min-height: 1.2em; }
  `;

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      const { csrfToken } = await api<{ csrfToken: string }>('/api/auth/login', {
        method: 'POST',
        body: JSON.stringify({ username: data.get('username'), password: data.get('password') }),
      });
      session.setCsrf(csrfToken);
      this.dispatchEvent(new CustomEvent('signed-in', { bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof Error && /too many|try again/i.test(error.message) ? error.message : 'Wrong user name or password';
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<form @submit=${this.submit}>
      <h1>Sign in</h1>
      <input name="username" autocomplete="username" placeholder="User name" aria-label="User name" required />
      <input name="password" type="password" autocomplete="current-password" placeholder="Password" aria-label="Password" required />
      <button type="submit" ?disabled=${this.busy}>Sign in</button>
      <div class="error" role="alert">${this.error}</div>
    </form>`;
  }
}
customElements.define('fb-login', FbLogin);
