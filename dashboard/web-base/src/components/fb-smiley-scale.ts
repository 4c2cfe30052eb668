import { LitElement, css, html, svg } from 'lit';
import { LanguageController, t } from '../i18n.ts';
import { tokens } from '../tokens.ts';

/** Worst (red) to best (green), each dark enough for the face's lines on it. */
const FILLS = ['#f4b4ae', '#f7cfa2', '#f3e3a1', '#cde7a8', '#a8dfb9'];

/**
 * One face drawn as SVG (not an emoji, which a kiosk's fonts may lack): the mouth bends from a
 * frown at 0 to a smile at 1, the brows slant only on the worst.
 */
function face(mood: number) {
  const bend = (mood - 0.5) * 2; // −1 frown .. 1 smile
  const fill = FILLS[Math.round(mood * (FILLS.length - 1))]!;
  return svg`<svg viewBox="0 0 100 100" aria-hidden="true" focusable="false">
    <circle cx="50" cy="50" r="46" fill=${fill} stroke="#1d2430" stroke-width="4"></circle>
    <circle cx="35" cy="40" r="6" fill="#1d2430"></circle>
    <circle cx="65" cy="40" r="6" fill="#1d2430"></circle>
    ${mood === 0 ? svg`<path d="M24 26 L42 32 M76 26 L58 32" stroke="#1d2430" stroke-width="4" stroke-linecap="round"></path>` : ''}
    <path d=${`M28 ${68 - 8 * bend} Q50 ${68 + 16 * bend} 72 ${68 - 8 * bend}`} fill="none" stroke="#1d2430" stroke-width="5" stroke-linecap="round"></path>
  </svg>`;
}

/**
 * A smiley scale of K buttons, 0 (worst) to K−1 (best), in one row that shrinks to its container
 * (each face at most --fb-face-size); fires `choose` with the value. `chosen` shows as pressed.
 */
export class FbSmileyScale extends LitElement {
  static override properties = { buttons: { type: Number }, disabled: { type: Boolean }, chosen: { type: Number } };
  declare buttons: number;
  declare disabled: boolean;
  declare chosen: number | undefined;

  constructor() {
    super();
    new LanguageController(this);
    this.buttons = 4;
    this.disabled = false;
  }

  static override styles = [
    tokens,
    css`
      :host {
        display: grid;
        grid-auto-flow: column;
        grid-auto-columns: minmax(0, var(--fb-face-size, 5rem));
        gap: clamp(2px, 2vw, var(--fb-space-3));
        justify-content: center;
      }
      button {
        line-height: 0;
        min-width: 0;
        padding: var(--fb-space-1);
        border-radius: 50%;
        border: 3px solid transparent;
        background: transparent;
        cursor: pointer;
        touch-action: manipulation;
      }
      svg {
        width: 100%;
        height: auto;
        display: block;
      }
      button:focus-visible {
        outline: 3px solid var(--fb-accent);
      }
      button[aria-pressed='true'] {
        border-color: var(--fb-accent);
        background: var(--fb-accent);
      }
      /* a touch screen keeps :hover on the last element touched: hover only where a mouse really hovers */
      @media (hover: hover) and (pointer: fine) {
        button:hover {
          border-color: var(--fb-border);
        }
      }
    `,
  ];

  override render() {
    return Array.from({ length: this.buttons }, (_, value) => value).map(
      (value) =>
        html`<button
          type="button"
          data-value=${value}
          ?disabled=${this.disabled}
          aria-pressed=${this.chosen === value ? 'true' : 'false'}
          aria-label=${t('smiley.label', { value: value + 1, max: this.buttons })}
          @click=${() => this.dispatchEvent(new CustomEvent<number>('choose', { detail: value, bubbles: true, composed: true }))}
        >
          ${face(value / Math.max(1, this.buttons - 1))}
        </button>`,
    );
  }
}
customElements.define('fb-smiley-scale', FbSmileyScale);
