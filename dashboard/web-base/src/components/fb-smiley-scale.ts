import { LitElement, css, html } from 'lit';
import { LanguageController, t } from '../i18n.ts';
import { tokens } from '../tokens.ts';

/** Faces from worst to best, picked evenly for any number of buttons (2 to 11). */
const FACES = ['😠', '🙁', '😐', '🙂', '😄'];
export function facesFor(buttons: number): string[] {
  return Array.from({ length: buttons }, (_, i) => FACES[Math.round((i * (FACES.length - 1)) / Math.max(1, buttons - 1))]!);
}

/** A smiley scale of K buttons, 0 (worst) to K−1 (best); fires `choose` with the value. */
export class FbSmileyScale extends LitElement {
  static override properties = { buttons: { type: Number }, disabled: { type: Boolean } };
  declare buttons: number;
  declare disabled: boolean;

  constructor() {
    super();
    new LanguageController(this);
    this.buttons = 4;
    this.disabled = false;
  }

  static override styles = [
    tokens,
    css`
      :host { display: flex; gap: var(--fb-space-3); justify-content: center; }
      button { font-size: var(--fb-text-xxl); line-height: 1; padding: var(--fb-space-3); border-radius: 50%; border: 2px solid var(--fb-border); background: var(--fb-surface); cursor: pointer; min-width: 44px; min-height: 44px; }
      button:focus-visible { outline: 3px solid var(--fb-accent); }
    `,
  ];

  override render() {
    return facesFor(this.buttons).map(
      (face, value) => html`<button
        type="button"
        ?disabled=${this.disabled}
        aria-label=${t('smiley.label', { value: value + 1, max: this.buttons })}
        @click=${() => this.dispatchEvent(new CustomEvent<number>('choose', { detail: value, bubbles: true, composed: true }))}
      >${face}</button>`,
    );
  }
}
customElements.define('fb-smiley-scale', FbSmileyScale);
