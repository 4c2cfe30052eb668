import { LitElement, css, html } from 'lit';
import { formatNumber, LanguageController, t } from '../i18n.ts';
import { tokens } from '../tokens.ts';
import type { IndexResult } from '../contract.ts';
import { countText, notEnoughText } from '../count-unit.ts';

/**
 * One index as a tile: its value, its n with what n counts (answers, responses, customers, faces)
 * and its 95% interval, and (given the previous period's result) the change against it; below the
 * minimum n it says what it lacks ("not enough customers") instead of showing a number, greyed.
 */
export class FbIndexTile extends LitElement {
  static override properties = {
    label: {},
    caption: {},
    result: { attribute: false },
    previous: { attribute: false },
    digits: { type: Number },
  };
  declare label: string;
  declare caption: string;
  declare result: IndexResult | undefined;
  declare previous: IndexResult | undefined;
  declare digits: number;

  constructor() {
    super();
    new LanguageController(this);
    this.label = '';
    this.caption = '';
    this.digits = 1;
  }

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        background: var(--fb-surface);
        border-radius: var(--fb-radius);
        padding: var(--fb-space-4);
        box-shadow: 0 1px 4px #0001;
      }
      h2 {
        margin: 0;
        font-size: var(--fb-text-m);
      }
      .caption,
      .n,
      .ci {
        color: var(--fb-text-muted);
        font-size: var(--fb-text-s);
        margin: var(--fb-space-1) 0;
      }
      .value {
        font-size: var(--fb-text-xl);
        font-weight: 600;
        margin: var(--fb-space-2) 0;
      }
      .value.missing {
        font-size: var(--fb-text-l);
        font-weight: 400;
        color: var(--fb-text-muted);
      }
      :host([data-enough='false']) {
        background: var(--fb-bg);
        box-shadow: none;
        border: 1px dashed var(--fb-border);
      }
      .change {
        font-size: var(--fb-text-s);
        margin: var(--fb-space-1) 0;
        color: var(--fb-text);
      }
    `,
  ];

  override render() {
    const r = this.result;
    const enough = r?.enough === true && r.value !== null;
    const fmt = (x: number) => formatNumber(x, { maximumFractionDigits: this.digits, minimumFractionDigits: this.digits });
    this.dataset.enough = String(enough);
    const p = this.previous;
    const change = enough && p?.enough === true && p.value !== null ? r.value! - p.value : undefined;
    return html`
      <h2>${this.label}</h2>
      ${this.caption ? html`<p class="caption">${this.caption}</p>` : ''}
      <p class="value ${enough ? '' : 'missing'}" data-testid="value">${enough ? fmt(r.value!) : notEnoughText(r)}</p>
      <p class="n" data-testid="answer-count">${countText(r)}</p>
      ${enough && r.ci ? html`<p class="ci">${t('index.interval', { low: fmt(r.ci[0]), high: fmt(r.ci[1]) })}</p>` : ''}
      ${
        change !== undefined
          ? html`<p class="change" data-testid="change">
              ${t('index.change', { change: `${change > 0 ? '+' : change < 0 ? '−' : '±'}${fmt(Math.abs(change))}` })}
            </p>`
          : ''
      }
    `;
  }
}
customElements.define('fb-index-tile', FbIndexTile);
