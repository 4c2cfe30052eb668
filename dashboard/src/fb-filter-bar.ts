import { LitElement, css, html } from 'lit';
import { LanguageController, t } from '@feedback/web-base/i18n.ts';
import { api } from '@feedback/web-base/api-client.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import type { PointSummary } from '@feedback/web-base/contract.ts';
import { apiQuery, CHANNELS, PERIODS, type Filters } from './filters.ts';

/** Site, point, channel, device, survey and period: every change goes into the URL (the host navigates), so a copied link reproduces the view. */
export class FbFilterBar extends LitElement {
  static override properties = { filters: { attribute: false }, points: { attribute: false }, devices: { state: true }, surveys: { state: true } };
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
    void api
      .get<{ devices: { id: string; siteId: string; pointId: string }[] }>('/api/devices')
      .then(({ devices }) => (this.devices = devices))
      .catch(() => undefined);
    void api
      .get<{ surveys: { id: string; name: string }[] }>('/api/surveys')
      .then(({ surveys }) => (this.surveys = surveys))
      .catch(() => undefined);
  }

  static override styles = [
    tokens,
    css`
      form { display: flex; flex-wrap: wrap; gap: var(--fb-space-3); align-items: end; padding: var(--fb-space-3) var(--fb-space-4); background: var(--fb-surface); border-bottom: 1px solid var(--fb-border); }
      label { display: grid; gap: var(--fb-space-1); font-size: var(--fb-text-s); color: var(--fb-text-muted); }
      .export { margin-left: auto; display: flex; gap: var(--fb-space-2); align-items: center; font-size: var(--fb-text-s); color: var(--fb-text-muted); }
      .export a { color: var(--fb-accent); font-size: var(--fb-text-m); padding: 0.35rem 0.2rem; }
      select, input { font: inherit; font-size: var(--fb-text-m); color: var(--fb-text); background: var(--fb-surface); border: 1px solid var(--fb-text-muted); border-radius: 6px; padding: 0.35rem 0.5rem; min-height: 2.2rem; }
    `,
  ];

  private change(patch: Partial<Filters>): void {
    const next = { ...this.filters, ...patch };
    if (patch.siteId !== undefined && next.pointId && !this.points.some((p) => p.pointId === next.pointId && (!next.siteId || p.siteId === next.siteId))) next.pointId = '';
    if ((patch.siteId !== undefined || patch.pointId !== undefined) && next.deviceId && !this.devicesIn(next).some((d) => d.id === next.deviceId)) next.deviceId = '';
    if (next.period !== 'custom') Object.assign(next, { fromDate: '', toDate: '' });
    this.dispatchEvent(new CustomEvent<Filters>('filters-changed', { detail: next, bubbles: true, composed: true }));
  }

  private devicesIn(f: Filters) {
    return this.devices.filter((d) => (!f.siteId || d.siteId === f.siteId) && (!f.pointId || d.pointId === f.pointId));
  }

  override render() {
    const f = this.filters;
    const sites = [...new Set(this.points.map((p) => p.siteId))].sort();
    const points = this.points.filter((p) => !f.siteId || p.siteId === f.siteId);
    const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
    return html`
      <form @submit=${(e: Event) => e.preventDefault()} aria-label=${t('filters.title')}>
        <label>
          ${t('filters.site')}
          <select name="siteId" @change=${(e: Event) => this.change({ siteId: value(e) })}>
            <option value="" ?selected=${!f.siteId}>${t('filters.allSites')}</option>
            ${sites.map((s) => html`<option value=${s} ?selected=${s === f.siteId}>${s}</option>`)}
          </select>
        </label>
        <label>
          ${t('filters.point')}
          <select name="pointId" @change=${(e: Event) => this.change({ pointId: value(e) })}>
            <option value="" ?selected=${!f.pointId}>${t('filters.allPoints')}</option>
            ${points.map((p) => html`<option value=${p.pointId} ?selected=${p.pointId === f.pointId}>${p.name}</option>`)}
          </select>
        </label>
        <label>
          ${t('filters.channel')}
          <select name="channel" @change=${(e: Event) => this.change({ channel: value(e) as Filters['channel'] })}>
            ${CHANNELS.map((c) => html`<option value=${c} ?selected=${c === f.channel}>${t(`channel.${c || 'all'}`)}</option>`)}
          </select>
        </label>
        <label>
          ${t('filters.device')}
          <select name="deviceId" @change=${(e: Event) => this.change({ deviceId: value(e) })}>
            <option value="" ?selected=${!f.deviceId}>${t('filters.allDevices')}</option>
            ${this.devicesIn(f).map((d) => html`<option value=${d.id} ?selected=${d.id === f.deviceId}>${d.id}</option>`)}
          </select>
        </label>
        <label>
          ${t('filters.survey')}
          <select name="surveyId" @change=${(e: Event) => this.change({ surveyId: value(e) })}>
            <option value="" ?selected=${!f.surveyId}>${t('filters.allSurveys')}</option>
            ${this.surveys.map((s) => html`<option value=${s.id} ?selected=${s.id === f.surveyId}>${s.name}</option>`)}
          </select>
        </label>
        <label>
          ${t('filters.period')}
          <select name="period" @change=${(e: Event) => this.change({ period: value(e) as Filters['period'] })}>
            ${PERIODS.map((p) => html`<option value=${p} ?selected=${p === f.period}>${t(`period.${p}`)}</option>`)}
          </select>
        </label>
        ${f.period === 'custom'
          ? html`
              <label>${t('filters.from')}<input type="date" name="fromDate" .value=${f.fromDate} @change=${(e: Event) => this.change({ fromDate: value(e) })} /></label>
              <label>${t('filters.to')}<input type="date" name="toDate" .value=${f.toDate} @change=${(e: Event) => this.change({ toDate: value(e) })} /></label>
            `
          : ''}
        <span class="export">
          ${t('filters.export')}
          <a data-testid="export-csv" href=${`/api/export/answers.csv?${apiQuery(f)}`} download>CSV</a>
          <a data-testid="export-xlsx" href=${`/api/export/answers.xlsx?${apiQuery(f)}`} download>XLSX</a>
        </span>
      </form>
    `;
  }
}
customElements.define('fb-filter-bar', FbFilterBar);
