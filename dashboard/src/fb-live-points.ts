import { LitElement, css, html } from 'lit';
import { points as loadPoints } from './data/topology.ts';
import { LiveController } from '@feedback/web-base/live-controller.ts';
import { LanguageController, t } from '@feedback/web-base/i18n.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import type { PointSummary } from '@feedback/web-base/contract.ts';
import type { Route } from '@feedback/web-base/router.ts';
import '@feedback/web-base/components/fb-index-tile.ts';

/** Every point's Happy Index today: loaded once, then kept current by live deltas (nothing reloads). */
export class FbLivePoints extends LitElement {
  static override properties = { points: { state: true }, error: { state: true }, route: { attribute: false } };
  declare points: Map<string, PointSummary>;
  declare error: string;
  declare route: Route | undefined;
  private readonly live = new LiveController(this, 'point:summary', (summary) => {
    this.points = new Map(this.points).set(summary.pointId, summary);
  });

  constructor() {
    super();
    new LanguageController(this);
    this.points = new Map();
    this.error = '';
  }

  static override styles = [
    tokens,
    css`
      .status {
        display: block;
        font-size: var(--fb-text-s);
        color: var(--fb-text-muted);
      }
      .status::before {
        content: '●';
        margin-right: 0.4em;
        color: var(--fb-text-muted);
      }
      .status.live::before {
        color: var(--fb-live);
      }
      .points {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
        gap: var(--fb-space-3);
        padding: var(--fb-space-3) 0;
      }
      .empty,
      .error {
        color: var(--fb-text-muted);
      }
      .error {
        color: var(--fb-negative);
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void loadPoints()
      .then(({ points }) => (this.points = new Map(points.map((p) => [p.pointId, p]))))
      .catch((error: Error) => (this.error = error.message));
  }

  override render() {
    return html`
      <span class="status ${this.live.connected ? 'live' : ''}" data-testid="live-status" role="status"
        >${this.live.connected ? t('live.connected') : t('live.connecting')}</span
      >
      <div class="points">
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        ${this.points.size === 0 && !this.error ? html`<p class="empty">${t('points.none')}</p>` : ''}
        ${[...this.points.values()].map(
          (p) =>
            html`<fb-index-tile
              data-point=${p.pointId}
              .label=${p.name}
              .caption=${t('index.today', { index: t('index.happy') })}
              .result=${p.happyIndex}
            ></fb-index-tile>`,
        )}
      </div>
    `;
  }
}
customElements.define('fb-live-points', FbLivePoints);
