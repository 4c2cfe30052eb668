import { LitElement, html } from 'lit';
import { LanguageController, t } from '@feedback/web-base/i18n.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import type { IndexResult, PointSummary } from '@feedback/web-base/contract.ts';
import type { TrendSeries } from '@feedback/web-base/components/fb-trend-chart.ts';
import '@feedback/web-base/components/fb-trend-chart.ts';
import { indexQuery, type Filters } from './filters.ts';
import { trend } from './data/indices.ts';
import { indexOf, indexPicker } from './fb-index-picker.ts';
import { analysisStyles } from './fb-analysis-styles.ts';

const INTERVALS = ['minute', 'hour', 'day', 'week'] as const;
type TrendInterval = (typeof INTERVALS)[number];

/** Any index over time, its 95% interval drawn as a band; index and interval in the URL. */
export class FbTrends extends LitElement {
  static override properties = {
    filters: { attribute: false },
    params: { attribute: false },
    points: { attribute: false },
    series: { state: true },
    traffic: { state: true },
    error: { state: true },
  };
  declare filters: Filters;
  /** to know whether the filter covers one site: days and weeks are local to a site */
  declare points: PointSummary[];
  declare params: Record<string, string>;
  declare series: TrendSeries | undefined;
  /** customers served and the response rate per bucket, on the same time axis */
  declare traffic: { customers: TrendSeries; rate: TrendSeries } | undefined;
  declare error: string;

  constructor() {
    super();
    new LanguageController(this);
    this.params = {};
    this.points = [];
    this.error = '';
  }

  static override styles = [tokens, analysisStyles];

  private get interval(): TrendInterval {
    const asked = this.params.interval as TrendInterval;
    // days and weeks are each site's own local ones, in one zone or across zones alike
    if (INTERVALS.includes(asked)) return asked;
    return this.filters.period === 'today' ? 'hour' : 'day';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('filters') || changed.has('params') || changed.has('points')) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const index = indexOf(this.params);
      const [points, before, rates] = await Promise.all([
        trend(index, indexQuery(this.filters), this.interval),
        // the period of equal length just before, bucket by bucket (the same interval), for comparison
        trend(index, indexQuery(this.filters, true), this.interval),
        // customers served (the response rate's n) and the response rate, bucket by bucket
        trend('responseRate', indexQuery(this.filters), this.interval),
      ]);
      const times = rates.map((p) => p.start);
      this.traffic = rates.some((p) => p.result.n > 0)
        ? {
            customers: { times, values: rates.map((p) => p.result.n) },
            rate: { times, values: rates.map((p) => (p.result.n > 0 ? p.result.value : null)) },
          }
        : undefined;
      const shown = (p: { result: IndexResult }) => p.result.enough && p.result.value !== null;
      // the previous period's buckets line up with this period's one for one (as many of the same interval)
      const offset = before.length - points.length;
      this.series = {
        times: points.map((p) => p.start),
        values: points.map((p) => (shown(p) ? p.result.value : null)),
        low: points.map((p) => (shown(p) ? (p.result.ci?.[0] ?? null) : null)),
        high: points.map((p) => (shown(p) ? (p.result.ci?.[1] ?? null) : null)),
        previous: points.map((_, i) => {
          const p = before[i + offset];
          return p && shown(p) ? p.result.value : null;
        }),
      };
      this.error = '';
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private set(patch: Record<string, string>): void {
    this.dispatchEvent(new CustomEvent('params-changed', { detail: { ...this.params, ...patch }, bubbles: true, composed: true }));
  }

  override render() {
    const index = indexOf(this.params);
    const label = t(`index.${index}`);
    return html`
      <div class="controls">
        ${indexPicker(index, (i) => this.set({ index: i }))}
        <label>
          ${t('analysis.interval')}
          <select name="interval" @change=${(e: Event) => this.set({ interval: (e.target as HTMLSelectElement).value })}>
            ${INTERVALS.map((i) => html`<option value=${i} ?selected=${i === this.interval}>${t(`interval.${i}`)}</option>`)}
          </select>
        </label>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <section>
        <h2>${t('trends.title', { index: label })}</h2>
        <p class="muted">${t('trends.band')} ${t('trends.previous')}</p>
        <fb-trend-chart .series=${this.series} .label=${label} .timeZone=${this.filters.timeZone}></fb-trend-chart>
      </section>
      <section data-testid="traffic">
        <h2>${t('trends.traffic')}</h2>
        ${
          this.traffic
            ? html`<fb-trend-chart
                  .series=${this.traffic.customers}
                  .label=${t('trends.customers')}
                  .timeZone=${this.filters.timeZone}
                ></fb-trend-chart>
                <fb-trend-chart
                  .series=${this.traffic.rate}
                  .label=${t('index.responseRate')}
                  .timeZone=${this.filters.timeZone}
                ></fb-trend-chart>`
            : html`<p class="muted">${t('trends.noTraffic')}</p>`
        }
      </section>
    `;
  }
}
customElements.define('fb-trends', FbTrends);
