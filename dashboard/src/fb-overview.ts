import { LitElement, css, html } from 'lit';
import { LiveController } from '@feedback/web-base/live-controller.ts';
import { LanguageController, t } from '@feedback/web-base/i18n.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import type { OverviewResponse } from '@feedback/web-base/contract.ts';
import '@feedback/web-base/components/fb-index-tile.ts';
import './fb-alerts-panel.ts';
import './fb-devices-panel.ts';
import './fb-live-points.ts';
import { indexQuery, type Filters } from './filters.ts';
import { overview as loadOverview } from './data/indices.ts';
import { INDICES } from './index-names.ts';

/**
 * Every index for the filter, against the previous period of equal length; the alerts feed and
 * device health beside. Answers stored anywhere in the filter's reach refresh the tiles (a
 * socket.io delta, then one small request), nothing reloads.
 */
export class FbOverview extends LitElement {
  static override properties = {
    filters: { attribute: false },
    canAct: { type: Boolean },
    overview: { state: true },
    error: { state: true },
  };
  declare filters: Filters;
  declare canAct: boolean;
  declare overview: OverviewResponse | undefined;
  declare error: string;
  private refresh: ReturnType<typeof setTimeout> | undefined;
  private loading = 0;

  constructor() {
    super();
    new LanguageController(this);
    new LiveController(
      this,
      'point:summary',
      (summary) => {
        if (
          (this.filters.siteId && summary.siteId !== this.filters.siteId) ||
          (this.filters.pointId && summary.pointId !== this.filters.pointId)
        )
          return;
        this.refresh ??= setTimeout(() => {
          this.refresh = undefined;
          void this.load();
        }, 150);
      },
      // what changed between the first load and the socket joining (or while it was away) is not lost
      {
        onConnect: () => {
          if (this.filters) void this.load();
        },
      },
    );
    this.canAct = false;
    this.error = '';
  }

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        padding: var(--fb-space-4);
      }
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
        gap: var(--fb-space-3);
      }
      .panels {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(380px, 1fr));
        gap: var(--fb-space-3);
        margin-top: var(--fb-space-4);
      }
      .error {
        color: var(--fb-negative);
      }
      h2 {
        font-size: var(--fb-text-l);
        margin: var(--fb-space-4) 0 var(--fb-space-3);
      }
    `,
  ];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.refresh);
    this.refresh = undefined;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('filters')) void this.load();
  }

  private async load(): Promise<void> {
    const ticket = ++this.loading;
    try {
      const overview = await loadOverview(indexQuery(this.filters));
      if (ticket === this.loading) [this.overview, this.error] = [overview, ''];
    } catch (error) {
      if (ticket === this.loading) this.error = (error as Error).message;
    }
  }

  override render() {
    const byName = new Map(this.overview?.indices.map((i) => [i.index, i]));
    return html`
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <h2>${t('overview.indices')}</h2>
      ${
        this.overview
          ? html`<p data-responses>
              ${t('overview.responses', {
                count: this.overview.responses.result.n,
                negative: this.overview.responses.result.negative,
                positive: this.overview.responses.result.positive,
              })}
            </p>`
          : ''
      }
      <section class="tiles" aria-label=${t('overview.indices')}>
        ${INDICES.map(({ name, digits }) => {
          const entry = byName.get(name);
          return html`<fb-index-tile
            data-index=${name}
            .label=${t(`index.${name}`)}
            .result=${entry?.result}
            .previous=${entry?.previous}
            .digits=${digits}
          ></fb-index-tile>`;
        })}
      </section>
      <h2>${t('overview.points')}</h2>
      <fb-live-points></fb-live-points>
      <div class="panels">
        <fb-alerts-panel .filters=${this.filters} ?canAct=${this.canAct}></fb-alerts-panel>
        <fb-devices-panel .filters=${this.filters}></fb-devices-panel>
      </div>
    `;
  }
}
customElements.define('fb-overview', FbOverview);
