import { LitElement, css, html } from 'lit';
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

/** One question on its scale, big enough to touch: fires `answer` with the value chosen. */
export class FbScaleQuestion extends LitElement {
  static override properties = { label: {}, scale: {} };
  declare label: string;
  declare scale: string;

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
        gap: var(--fb-space-5);
        justify-items: center;
      }
      h2 {
        font-size: clamp(1.6rem, 4vw, 2.6rem);
        margin: 0;
        text-align: center;
        color: var(--fb-text);
      }
      .numbers {
        display: flex;
        flex-wrap: wrap;
        gap: var(--fb-space-2);
        justify-content: center;
      }
      .numbers button {
        font: inherit;
        font-size: 1.6rem;
        min-width: 64px;
        min-height: 64px;
        border-radius: 12px;
        border: 2px solid var(--fb-text-muted);
        background: var(--fb-surface);
        color: var(--fb-text);
        cursor: pointer;
      }
      .numbers button:focus-visible,
      .numbers button:hover {
        border-color: var(--fb-accent);
        outline: 3px solid var(--fb-accent);
      }
      .ends {
        display: flex;
        justify-content: space-between;
        width: 100%;
        font-size: 1.15rem;
        color: var(--fb-text-muted);
        gap: var(--fb-space-4);
      }
      fb-smiley-scale {
        --fb-face-size: clamp(4.5rem, 13vw, 8rem);
      }
    `,
  ];

  private choose(value: number): void {
    this.dispatchEvent(new CustomEvent<number>('answer', { detail: value, bubbles: true, composed: true }));
  }

  override render() {
    const shape = scaleShape(this.scale);
    if (!shape) return html``;
    return html`
      <h2 id="question">${this.label}</h2>
      ${
        shape.kind === 'smiley'
          ? html`<fb-smiley-scale
              role="group"
              aria-labelledby="question"
              .buttons=${shape.buttons}
              @choose=${(e: CustomEvent<number>) => this.choose(e.detail)}
            ></fb-smiley-scale>`
          : html`<div class="numbers" role="group" aria-labelledby="question">
                ${Array.from({ length: shape.to - shape.from + 1 }, (_, i) => shape.from + i).map(
                  (v) => html`<button type="button" data-value=${v} @click=${() => this.choose(v)}>${v}</button>`,
                )}
              </div>
              <div class="ends" aria-hidden="true">
                <span>${t(`kiosk.${shape.family}.low`)}</span><span>${t(`kiosk.${shape.family}.high`)}</span>
              </div>`
      }
    `;
  }
}
customElements.define('fb-scale-question', FbScaleQuestion);
