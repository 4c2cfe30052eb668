import { LitElement, css, html } from 'lit';

/**
 * The touch survey terminal. The survey flow (questions from the gateway, answers posted back)
 * arrives with the kiosk issue; until a terminal is paired it says so plainly.
 */
export class FbKiosk extends LitElement {
  static override styles = css`
    :host { display: grid; place-items: center; height: 100vh; text-align: center; color: #1d2430; }
    p { color: #5b6472; }
  `;

  override render() {
    return html`<div><h1>Feedback terminal</h1><p>This terminal is not paired with a survey yet.</p></div>`;
  }
}
customElements.define('fb-kiosk', FbKiosk);
