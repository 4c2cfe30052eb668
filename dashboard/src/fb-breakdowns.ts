import { LitElement, css, html, unsafeCSS } from 'lit';
import { formatNumber, LanguageController, t } from '@feedback/web-base/i18n.ts';
import { countText, notEnoughText, unitOf } from '@feedback/web-base/count-unit.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import type { IndexResult, PointSummary } from '@feedback/web-base/contract.ts';
import { indexQuery, type Filters } from './filters.ts';
import { breakdown } from './data/indices.ts';
import { indexOf, indexPicker } from './fb-index-picker.ts';
import { analysisStyles } from './fb-analysis-styles.ts';
import { INDICES } from './index-names.ts';

const DIMENSIONS = ['point', 'staff', 'hourOfDay', 'dayOfWeek', 'hourOfWeek'] as const;
/** Light to dark green: every step keeps dark text readable (AA). Classes, not style attributes, which the CSP refuses. */
const HEAT = ['#f1f4f1', '#d9ecd9', '#bfe2c3', '#a3d6ab', '#86c993'];
const HEAT_STYLES = unsafeCSS(HEAT.map((colour, i) => `td.heat-${i} { background: ${colour}; }`).join('\n'));
type Dimension = (typeof DIMENSIONS)[number];
type Group = { group: string; result: IndexResult };

/**
 * An index broken down by point, staff, hour of day or weekday. Groups are ranked by the lower
 * end of their 95% interval, so a group is never called best or worst on three answers; groups
 * below the minimum number of answers are listed last, without a rank.
 */
export class FbBreakdowns extends LitElement {
  static override properties = {
    filters: { attribute: false },
    params: { attribute: false },
    points: { attribute: false },
    groups: { state: true },
    error: { state: true },
  };
  declare filters: Filters;
  /** for the points' names */
  declare points: PointSummary[];
  declare params: Record<string, string>;
  declare groups: Group[];
  declare error: string;

  constructor() {
    super();
    new LanguageController(this);
    this.params = {};
    this.points = [];
    this.groups = [];
    this.error = '';
  }

  static override styles = [
    tokens,
    analysisStyles,
    HEAT_STYLES,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: left;
        padding: var(--fb-space-2);
        border-bottom: 1px solid var(--fb-border);
      }
      tr.thin td {
        color: var(--fb-text-muted);
      }
      table.heat {
        table-layout: fixed;
        font-size: var(--fb-text-s);
      }
      table.heat th,
      table.heat td {
        text-align: center;
        padding: 0.35rem 0;
        border: 1px solid var(--fb-surface);
      }
      table.heat th[scope='row'] {
        text-align: left;
        width: 7.5rem;
        padding-left: var(--fb-space-2);
      }
      table.heat td.empty {
        color: var(--fb-text-muted);
        background: var(--fb-surface);
      }
    `,
  ];

  private get by(): Dimension {
    return DIMENSIONS.includes(this.params.by as Dimension) ? (this.params.by as Dimension) : 'point';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('filters') || changed.has('params')) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const groups = await breakdown(indexOf(this.params), indexQuery(this.filters), this.by);
      const ranked = (g: Group) => g.result.enough && g.result.value !== null;
      const low = (g: Group) => g.result.ci?.[0] ?? g.result.value ?? 0;
      this.groups = [
        ...groups.filter(ranked).sort((a, b) => low(b) - low(a)),
        ...groups.filter((g) => !ranked(g)).sort((a, b) => b.result.n - a.result.n),
      ];
      this.error = '';
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private set(patch: Record<string, string>): void {
    this.dispatchEvent(new CustomEvent('params-changed', { detail: { ...this.params, ...patch }, bubbles: true, composed: true }));
  }

  private groupName(group: string): string {
    if (this.by === 'dayOfWeek') return t(`weekday.${group}`);
    if (this.by === 'hourOfDay') return `${group.padStart(2, '0')}:00`;
    if (this.by === 'point') return this.points.find((p) => p.pointId === group)?.name ?? group;
    return group;
  }

  /** Hour of day × weekday: each cell the index (or a dot below the minimum), shaded from the lowest cell to the highest. */
  private heatMap(fmt: (x: number) => string) {
    const cells = new Map(this.groups.map((g) => [Number(g.group), g.result]));
    const values = this.groups.filter((g) => g.result.enough && g.result.value !== null).map((g) => g.result.value!);
    const [low, high] = [Math.min(...values), Math.max(...values)];
    const shade = (v: number) => `heat-${high > low ? Math.round(((v - low) / (high - low)) * (HEAT.length - 1)) : HEAT.length - 1}`;
    const hours = Array.from({ length: 24 }, (_, h) => h);
    return html`<table class="heat" data-testid="heat-map">
      <thead>
        <tr>
          <th scope="col"><span hidden>${t('by.dayOfWeek')}</span></th>
          ${hours.map((h) => html`<th scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${[1, 2, 3, 4, 5, 6, 7].map(
          (day) =>
            html`<tr>
              <th scope="row">${t(`weekday.${day}`)}</th>
              ${hours.map((h) => {
                const r = cells.get(day * 100 + h);
                const enough = r?.enough === true && r.value !== null;
                const title = `${t(`weekday.${day}`)} ${String(h).padStart(2, '0')}:00 · ${countText(r ?? { n: 0, unit: this.groups[0]?.result.unit })}`;
                return enough
                  ? html`<td class=${shade(r.value!)} data-cell=${day * 100 + h} title=${title}>${fmt(r.value!)}</td>`
                  : html`<td class="empty" data-cell=${day * 100 + h} title=${title}>${r ? '·' : ''}</td>`;
              })}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    const index = indexOf(this.params);
    const digits = INDICES.find((i) => i.name === index)?.digits ?? 1;
    const fmt = (x: number) => formatNumber(x, { maximumFractionDigits: digits, minimumFractionDigits: digits });
    let rank = 0;
    return html`
      <div class="controls">
        ${indexPicker(index, (i) => this.set({ index: i }))}
        <label>
          ${t('analysis.by')}
          <select name="by" @change=${(e: Event) => this.set({ by: (e.target as HTMLSelectElement).value })}>
            ${DIMENSIONS.map((d) => html`<option value=${d} ?selected=${d === this.by}>${t(`by.${d}`)}</option>`)}
          </select>
        </label>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <section>
        <h2>${t('breakdowns.title', { index: t(`index.${index}`), by: t(`by.${this.by}`) })}</h2>
        <p class="muted">${this.by === 'hourOfWeek' ? t('breakdowns.heat') : t('breakdowns.ranking')}</p>
        ${
          this.by === 'hourOfWeek'
            ? this.heatMap((x) => formatNumber(x, { maximumFractionDigits: 0 }))
            : html`<table>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">${t(`by.${this.by}`)}</th>
                    <th scope="col">${t('breakdowns.value')}</th>
                    <th scope="col">${t('breakdowns.interval')}</th>
                    <th scope="col">${t('breakdowns.n', { unit: t(`unit.name.${unitOf(this.groups[0]?.result)}`) })}</th>
                  </tr>
                </thead>
                <tbody>
                  ${this.groups.map((g) => {
                    const enough = g.result.enough && g.result.value !== null;
                    return html`<tr class=${enough ? '' : 'thin'} data-group=${g.group}>
                      <td>${enough ? ++rank : '—'}</td>
                      <td>${this.groupName(g.group)}</td>
                      <td>${enough ? fmt(g.result.value!) : notEnoughText(g.result)}</td>
                      <td>${enough && g.result.ci ? `${fmt(g.result.ci[0])} – ${fmt(g.result.ci[1])}` : '—'}</td>
                      <td>${formatNumber(Math.round(g.result.n))}</td>
                    </tr>`;
                  })}
                </tbody>
              </table>`
        }
      </section>
    `;
  }
}
customElements.define('fb-breakdowns', FbBreakdowns);
