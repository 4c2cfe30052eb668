import { LitElement, css, html } from 'lit';
import { LanguageController, t } from '@feedback/web-base/i18n.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import type { PointSummary } from '@feedback/web-base/contract.ts';
import { filterQuery, CHANNELS, PERIODS, type Filters } from './filters.ts';
import { answersExportHref } from './data/indices.ts';
import { devices, surveys } from './data/topology.ts';

/** Site, point, channel, device, survey and period: every change goes into the URL (the host navigates), so a copied link reproduces the view. */
export class FbFilterBar extends LitElement {
  static override properties = {
    filters: { attribute: false },
    points: { attribute: false },
    devices: { state: true },
    surveys: { state: true },
  };
  declare filters: Filters;
  declare points: PointSummary[];
  declare devices: { id: string; siteId: string; pointId: string }[];
  declare surveys: { id: string; name: string }[];

  constructor() {
    super();
    new LanguageController(this);
    this.points = [];
    this.devices = [];
    this.surveys = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void devices()
      .then((list) => (this.devices = list))
      .catch(() => undefined);
    void surveys()
      .then((list) => (this.surveys = list))
      .catch(() => undefined);
  }

  static override styles = [
    tokens,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: var(--fb-space-3);
        align-items: end;
        padding: var(--fb-space-3) var(--fb-space-4);
        background: var(--fb-surface);
        border-bottom: 1px solid var(--fb-border);
      }
      label {
        display: grid;
        gap: var(--fb-space-1);
        font-size: var(--fb-text-s);
        color: var(--fb-text-muted);
      }
      .zone {
        margin: 0;
        font-size: var(--fb-text-s);
        color: var(--fb-text-muted);
        max-width: 32rem;
      }
      .export {
        margin-left: auto;
        display: flex;
        gap: var(--fb-space-2);
        align-items: center;
        font-size: var(--fb-text-s);
        color: var(--fb-text-muted);
      }
      .export a {
        color: var(--fb-accent);
        font-size: var(--fb-text-m);
        padding: 0.35rem 0.2rem;
      }
      select,
      input {
        font: inherit;
        font-size: var(--fb-text-m);
        color: var(--fb-text);
        background: var(--fb-surface);
        border: 1px solid var(--fb-text-muted);
        border-radius: 6px;
        padding: 0.35rem 0.5rem;
        min-height: 2.2rem;
      }
    `,
  ];

  private change(patch: Partial<Filters>): void {
    const next = { ...this.filters, ...patch };
    if (
      patch.siteId !== undefined &&
      next.pointId &&
      !this.points.some((p) => p.pointId === next.pointId && (!next.siteId || p.siteId === next.siteId))
    )
      next.pointId = '';
    if (
      (patch.siteId !== undefined || patch.pointId !== undefined) &&
      next.deviceId &&
      !this.devicesIn(next).some((d) => d.id === next.deviceId)
    )
      next.deviceId = '';
    if (next.period !== 'custom') Object.assign(next, { fromDate: '', toDate: '' });
    this.dispatchEvent(new CustomEvent<Filters>('filters-changed', { detail: next, bubbles: true, composed: true }));
  }

  private devicesIn(f: Filters) {
    return this.devices.filter((d) => (!f.siteId || d.siteId === f.siteId) && (!f.pointId || d.pointId === f.pointId));
  }

  /** A filter that is one id or all of them (site, point, device, survey). */
  private pick(
    key: 'siteId' | 'pointId' | 'deviceId' | 'surveyId',
    label: string,
    all: string,
    options: { value: string; text: string }[],
  ) {
    const current = this.filters[key];
    return html`<label>
      ${label}
      <select name=${key} @change=${(e: Event) => this.change({ [key]: (e.target as HTMLSelectElement).value })}>
        <option value="" ?selected=${!current}>${all}</option>
        ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === current}>${o.text}</option>`)}
      </select>
    </label>`;
  }

  override render() {
    const f = this.filters;
    const sites = [...new Map(this.points.map((p) => [p.siteId, p.siteName])).entries()].sort(([, a], [, b]) => a.localeCompare(b));
    const points = this.points.filter((p) => !f.siteId || p.siteId === f.siteId);
    const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
    return html`
      <form @submit=${(e: Event) => e.preventDefault()} aria-label=${t('filters.title')}>
        ${this.pick(
          'siteId',
          t('filters.site'),
          t('filters.allSites'),
          sites.map(([value, text]) => ({ value, text })),
        )}
        ${this.pick(
          'pointId',
          t('filters.point'),
          t('filters.allPoints'),
          points.map((p) => ({ value: p.pointId, text: p.name })),
        )}
        <label>
          ${t('filters.channel')}
          <select name="channel" @change=${(e: Event) => this.change({ channel: value(e) as Filters['channel'] })}>
            ${CHANNELS.map((c) => html`<option value=${c} ?selected=${c === f.channel}>${t(`channel.${c || 'all'}`)}</option>`)}
          </select>
        </label>
        ${this.pick(
          'deviceId',
          t('filters.device'),
          t('filters.allDevices'),
          this.devicesIn(f).map((d) => ({ value: d.id, text: d.id })),
        )}
        ${this.pick(
          'surveyId',
          t('filters.survey'),
          t('filters.allSurveys'),
          this.surveys.map((s) => ({ value: s.id, text: s.name })),
        )}
        <label>
          ${t('filters.period')}
          <select name="period" @change=${(e: Event) => this.change({ period: value(e) as Filters['period'] })}>
            ${PERIODS.map((p) => html`<option value=${p} ?selected=${p === f.period}>${t(`period.${p}`)}</option>`)}
          </select>
        </label>
        ${
          f.period === 'custom'
            ? html`
                <label
                  >${t('filters.from')}<input
                    type="date"
                    name="fromDate"
                    .value=${f.fromDate}
                    @change=${(e: Event) => this.change({ fromDate: value(e) })}
                /></label>
                <label
                  >${t('filters.to')}<input
                    type="date"
                    name="toDate"
                    .value=${f.toDate}
                    @change=${(e: Event) => this.change({ toDate: value(e) })}
                /></label>
              `
            : ''
        }
        <p class="zone" data-testid="range-zone">${f.mixedZones ? t('filters.mixedZones') : t('filters.zone', { zone: f.timeZone })}</p>
        <span class="export">
          ${t('filters.export')}
          <a data-testid="export-csv" href=${answersExportHref('csv', filterQuery(f))} download>CSV</a>
          <a data-testid="export-xlsx" href=${answersExportHref('xlsx', filterQuery(f))} download>XLSX</a>
        </span>
      </form>
    `;
  }
}
customElements.define('fb-filter-bar', FbFilterBar);
