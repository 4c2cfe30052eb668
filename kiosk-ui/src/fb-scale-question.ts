import { LitElement, css, html, unsafeCSS } from 'lit';
import { LanguageController, t } from '@feedback/web-base/i18n.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import '@feedback/web-base/components/fb-smiley-scale.ts';

/** The values and end labels of each scale a kiosk can show; undefined for the ones it cannot (free text, choice lists). */
export function scaleShape(
  scale: string,
): { kind: 'smiley'; buttons: number } | { kind: 'numbers'; from: number; to: number; family: string } | undefined {
  const smiley = /^smiley(\d+)$/.exec(scale);
  if (smiley) return { kind: 'smiley', buttons: Number(smiley[1]) };
  const numbers: Record<string, [number, number, string]> = {
    nps11: [0, 10, 'nps'],
    csat5: [1, 5, 'csat'],
    ces7: [1, 7, 'ces'],
    csi5: [1, 5, 'csi'],
    csi7: [1, 7, 'csi'],
    importance5: [1, 5, 'importance'],
    importance7: [1, 7, 'importance'],
    // the staff pulse's "how drained do you feel" (the kiosk's own; never a customer question)
    drained5: [1, 5, 'drained'],
  };
  const shape = numbers[scale];
  return shape ? { kind: 'numbers', from: shape[0], to: shape[1], family: shape[2] } : undefined;
}

/**
 * One question on its scale, big enough to touch: fires `answer` with the value chosen.
 * Every scale is one row as wide as its container allows (the options shrink, never wrap), its
 * end labels in the same grid under its first and last option; NPS 0–10 alone goes to two rows,
 * 0–5 and 6–10, where one row would make its options narrower than a thumb (44 px), with the low
 * label above 0 and the high one below 10. The element is new for each question (the hosts key it),
 * so nothing of the last one (chosen, focus, a touch's stuck hover) shows on the next.
 */
export class FbScaleQuestion extends LitElement {
  static override properties = { label: {}, scale: {}, chosen: { state: true } };
  declare label: string;
  declare scale: string;
  /** the option just chosen (shown pressed until the next question replaces this element) */
  declare chosen: number | undefined;

  constructor() {
    super();
    new LanguageController(this);
    this.label = '';
    this.scale = 'smiley4';
  }

  static override styles = [
    tokens,
    css`
      :host {
        display: grid;
        gap: var(--fb-space-4);
        justify-items: center;
        width: 100%;
        min-width: 0;
      }
      h2 {
        font-size: clamp(1.4rem, 4vw, 2.6rem);
        margin: 0;
        text-align: center;
        color: var(--fb-text);
        overflow-wrap: anywhere;
      }
      .scale {
        container: scale / inline-size;
        width: 100%;
      }
      .numbers {
        --gap: 6px;
        display: grid;
        grid-template-columns: repeat(var(--options), minmax(0, var(--fb-option-max, 5.5rem)));
        justify-content: center;
        gap: var(--gap);
      }
      .numbers button {
        grid-row: 1;
        font: inherit;
        font-size: clamp(1.1rem, 4.5cqi, 1.6rem);
        width: 100%;
        min-width: 0;
        aspect-ratio: 1;
        min-height: var(--fb-option-height, 44px);
        padding: 0;
        border-radius: 12px;
        border: 2px solid var(--fb-text-muted);
        background: var(--fb-surface);
        color: var(--fb-text);
        cursor: pointer;
        touch-action: manipulation;
      }
      .numbers button:focus-visible {
        outline: 3px solid var(--fb-accent);
        outline-offset: 3px;
      }
      .numbers button[aria-pressed='true'] {
        background: var(--fb-accent);
        border-color: var(--fb-accent);
        color: var(--fb-on-accent);
      }
      /* a touch screen keeps :hover on the last element touched: hover only where a mouse really hovers */
      @media (hover: hover) and (pointer: fine) {
        .numbers button:hover {
          border-color: var(--fb-accent);
          background: #eef2fc;
        }
      }
      .low,
      .high {
        grid-row: 2;
        font-size: clamp(0.95rem, 3.2cqi, 1.15rem);
        color: var(--fb-text-muted);
        overflow-wrap: anywhere;
      }
      .low {
        grid-column: 1 / span var(--half);
        justify-self: start;
        text-align: start;
      }
      .high {
        grid-column: span var(--half) / -1;
        justify-self: end;
        text-align: end;
      }
      /* NPS where eleven options in a row would be narrower than 44 px: 0–5 over 6–10 */
      @container scale (max-width: ${unsafeCSS(String(11 * 44 + 10 * 6 - 1))}px) {
        .numbers.two-rows {
          grid-template-columns: repeat(6, minmax(0, var(--fb-option-max, 5.5rem)));
        }
        .two-rows .low {
          grid-row: 1;
          grid-column: 1 / span 4;
        }
        .two-rows button {
          grid-row: 2;
        }
        .two-rows button.second {
          grid-row: 3;
        }
        .two-rows .high {
          grid-row: 4;
          grid-column: 1 / span 5;
        }
      }
      fb-smiley-scale {
        width: 100%;
        --fb-face-size: var(--fb-face-max, 8rem);
      }
    `,
  ];

  private choose(value: number): void {
    this.chosen = value;
    this.dispatchEvent(new CustomEvent<number>('answer', { detail: value, bubbles: true, composed: true }));
  }

  /**
   * The row's option count and half, as custom properties set through the CSSOM: a `style` attribute
   * would be refused by the apps' Content-Security-Policy (style-src 'self'), leaving the grid without
   * its columns and the end labels under the first two options.
   */
  override updated(): void {
    const numbers = this.renderRoot.querySelector<HTMLElement>('.numbers');
    const shape = scaleShape(this.scale);
    if (!numbers || !shape || shape.kind === 'smiley') return;
    const count = shape.to - shape.from + 1;
    numbers.style.setProperty('--options', String(count));
    numbers.style.setProperty('--half', String(Math.floor(count / 2)));
  }

  override render() {
    const shape = scaleShape(this.scale);
    if (!shape) return html``;
    if (shape.kind === 'smiley')
      return html`<h2 id="question">${this.label}</h2>
        <fb-smiley-scale
          role="group"
          aria-labelledby="question"
          .buttons=${shape.buttons}
          .chosen=${this.chosen}
          @choose=${(e: CustomEvent<number>) => this.choose(e.detail)}
        ></fb-smiley-scale>`;
    const values = Array.from({ length: shape.to - shape.from + 1 }, (_, i) => shape.from + i);
    const nps = values.length === 11;
    return html`<h2 id="question">${this.label}</h2>
      <div class="scale">
        <div class=${nps ? 'numbers two-rows' : 'numbers'} role="group" aria-labelledby="question">
          <span class="low" aria-hidden="true" data-end="low">${t(`kiosk.${shape.family}.low`)}</span>
          ${values.map(
            (v, i) =>
              html`<button
                type="button"
                class=${nps && i >= 6 ? 'second' : ''}
                data-value=${v}
                aria-pressed=${this.chosen === v ? 'true' : 'false'}
                @click=${() => this.choose(v)}
              >
                ${v}
              </button>`,
          )}
          <span class="high" aria-hidden="true" data-end="high">${t(`kiosk.${shape.family}.high`)}</span>
        </div>
      </div>`;
  }
}
customElements.define('fb-scale-question', FbScaleQuestion);
