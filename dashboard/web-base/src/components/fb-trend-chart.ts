import { LitElement, css, html, unsafeCSS } from 'lit';
import uPlot from 'uplot';
import uPlotStyles from 'uplot/dist/uPlot.min.css?inline';
import { tokens, COLORS } from '../tokens.ts';
import { t } from '../i18n.ts';

export interface TrendSeries {
  /** bucket starts, ms since epoch */
  times: number[];
  values: (number | null)[];
  /** the 95% interval per bucket, drawn as a band */
  low?: (number | null)[];
  high?: (number | null)[];
  /** the previous period of equal length, bucket by bucket on the same time axis, drawn dashed */
  previous?: (number | null)[];
}

/**
 * The one chart wrapper: a time series with its interval as a band, drawn by uPlot (chosen for
 * size, about 50 KB, and speed on long series). Styles come in through the component's own
 * stylesheet, so the page's Content-Security-Policy needs no inline style.
 */
export class FbTrendChart extends LitElement {
  static override properties = { series: { attribute: false }, label: {}, timeZone: {} };
  declare series: TrendSeries | undefined;
  declare label: string;
  /** the IANA zone the time axis reads in (the site's): never the browser's, which decides nothing */
  declare timeZone: string;
  private plot: uPlot | undefined;
  private readonly resize = new ResizeObserver(() => this.draw());

  constructor() {
    super();
    this.label = '';
    this.timeZone = 'UTC';
  }

  static override styles = [
    tokens,
    unsafeCSS(uPlotStyles),
    css`
      :host {
        display: block;
        min-height: 240px;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
  }

  override updated(): void {
    this.draw();
  }

  private draw(): void {
    const target = this.renderRoot.querySelector('div');
    if (!target || !this.series) return;
    this.plot?.destroy();
    const s = this.series;
    const none = s.values.map(() => null);
    const data: uPlot.AlignedData = [s.times.map((ms) => ms / 1000), s.values, s.low ?? none, s.high ?? none, s.previous ?? none];
    this.plot = new uPlot(
      {
        width: Math.max(200, this.clientWidth),
        height: 240,
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), this.timeZone),
        series: [
          {},
          { label: this.label, stroke: COLORS.accent, width: 2, points: { show: true, size: 7, fill: COLORS.accent } },
          { label: t('chart.low'), stroke: COLORS.border },
          { label: t('chart.high'), stroke: COLORS.border },
          {
            label: t('chart.previous'),
            stroke: COLORS.textMuted,
            width: 2,
            dash: [6, 4],
            points: { show: true, size: 5, fill: COLORS.textMuted },
          },
        ],
        bands: [{ series: [3, 2], fill: `${COLORS.accent}22` }],
      },
      data,
      target,
    );
  }

  override render() {
    return html`<div role="img" aria-label=${this.label}></div>`;
  }
}
customElements.define('fb-trend-chart', FbTrendChart);
