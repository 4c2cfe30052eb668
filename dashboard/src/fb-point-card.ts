import { LitElement, css, html } from 'lit';
import type { PointSummary } from './types.ts';

/** One point's live numbers: Happy Index with its interval and count, or "not enough answers". */
export class FbPointCard extends LitElement {
  static override properties = { summary: { attribute: false } };
  declare summary: PointSummary | undefined;

  static override styles = css`
    :host { display: block; background: #fff; border-radius: 12px; padding: 1.2rem 1.4rem; box-shadow: 0 2px 12px #0001; }
    h2 { margin: 0; font-size: 1.05rem; font-weight: 600; }
    .label { color: #5b6472; font-size: 0.85rem; margin-top: 0.8rem; }
    .value { font-size: 3rem; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
    .value.muted { font-size: 1.2rem; color: #5b6472; font-weight: 500; padding: 1rem 0; }
    .meta { color: #5b6472; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
  `;

  override render() {
    const s = this.summary;
    if (!s) return html``;
    const h = s.happyIndex;
    const shown = h.enough && h.value !== null;
    return html`
      <h2>${s.name}</h2>
      <div class="label">Happy Index, today</div>
      ${shown
        ? html`<div class="value" data-testid="happy-index">${h.value!.toFixed(1)}</div>`
        : html`<div class="value muted" data-testid="happy-index">not enough answers</div>`}
      <div class="meta">
        <span data-testid="answer-count">${h.n}</span> answers${h.ci && shown ? html` · 95% CI ${h.ci[0].toFixed(1)}–${h.ci[1].toFixed(1)}` : ''}
      </div>
    `;
  }
}
customElements.define('fb-point-card', FbPointCard);
