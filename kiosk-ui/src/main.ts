import { LitElement, css, html } from 'lit';
import { LanguageController, t } from '@feedback/web-base/i18n.ts';
import { tokens } from '@feedback/web-base/tokens.ts';

/**
 * The touch survey terminal. The survey flow (questions from the gateway, answers posted back)
 * arrives with the kiosk issue; until a terminal is paired it says so plainly, in its language.
 */
export class FbKiosk extends LitElement {
  constructor() {
    super();
    new LanguageController(this);
  }

  static override styles = [
    tokens,
    css`
      :host { display: grid; place-items: center; height: 100vh; text-align: center; background: var(--fb-surface); }
      p { color: var(--fb-text-muted); }
    `,
  ];

  override render() {
    return html`<main><h1>${t('app.kiosk')}</h1><p>${t('kiosk.notPaired')}</p></main>`;
  }
}
customElements.define('fb-kiosk', FbKiosk);
