import { LitElement, html } from 'lit';
import { formatDateTime, LanguageController, t } from '@feedback/web-base/i18n.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import type { PointSummary, ReportSummary } from '@feedback/web-base/contract.ts';
import { rangeOf, type Filters } from '../filters.ts';
import { analysisStyles } from '../fb-analysis-styles.ts';
import { chosenSite, closedLoopStyles, siteNameOf } from './closed-loop-styles.ts';
import { makeReport, reportHref, reports } from '../data/reports.ts';
import './fb-assessment.ts';
import './fb-staff-pulse.ts';

const FORMATS = ['html', 'pdf', 'xlsx'] as const;

/** Reports of a site: the Monday ones and those made on demand for the filter's period, each as HTML, PDF and XLSX; then the self-assessment. */
export class FbReports extends LitElement {
  static override properties = {
    filters: { attribute: false },
    points: { attribute: false },
    canAct: { type: Boolean },
    reports: { state: true },
    busy: { state: true },
    error: { state: true },
  };
  declare filters: Filters;
  declare points: PointSummary[];
  declare canAct: boolean;
  declare reports: ReportSummary[];
  declare busy: boolean;
  declare error: string;

  constructor() {
    super();
    new LanguageController(this);
    this.points = [];
    this.reports = [];
    this.busy = false;
    this.error = '';
    this.canAct = false;
  }

  static override styles = [tokens, analysisStyles, closedLoopStyles];

  /** the one site chosen, or '' for all the reader's sites (the list covers them all; a report, the pulse and the checklist need one) */
  private get siteId(): string {
    return chosenSite(this.filters, this.points);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('filters') || changed.has('points')) void this.load();
  }

  private async load(): Promise<void> {
    if (this.points.length === 0) return;
    try {
      this.reports = await reports(this.siteId, 100);
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private async make(): Promise<void> {
    const { from, to } = rangeOf(this.filters);
    this.busy = true;
    try {
      await makeReport(this.siteId, from, to);
      this.error = '';
      await this.load();
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const { from, to } = rangeOf(this.filters);
    return html`<section>
        <h2>${t('reports.title')}</h2>
        ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : ''}
        ${!this.siteId ? html`<p class="muted" data-choose-site>${t('closedLoop.chooseSite')}</p>` : ''}
        ${
          this.canAct && this.siteId
            ? html`<div class="actions">
                <button data-make ?disabled=${this.busy} @click=${() => void this.make()}>
                  ${this.busy ? t('reports.making') : t('reports.make', { from: formatDateTime(from, { dateStyle: 'medium' }), to: formatDateTime(to - 1, { dateStyle: 'medium' }) })}
                </button>
              </div>`
            : ''
        }
        ${
          this.reports.length === 0
            ? html`<p class="muted">${t('reports.none')}</p>`
            : html`<table>
                <thead>
                  <tr>
                    ${this.siteId ? '' : html`<th scope="col">${t('filters.site')}</th>`}
                    <th scope="col">${t('reports.period')}</th>
                    <th scope="col">${t('reports.kind')}</th>
                    <th scope="col">${t('reports.made')}</th>
                    <th scope="col">${t('reports.files')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${this.reports.map(
                    (r) =>
                      html`<tr data-report=${r.id}>
                        ${this.siteId ? '' : html`<td>${siteNameOf(this.points, r.siteId)}</td>`}
                        <td>
                          ${formatDateTime(r.periodFrom, { dateStyle: 'medium' })} –
                          ${formatDateTime(r.periodTo - 1, { dateStyle: 'medium' })}
                        </td>
                        <td>${t(`reports.kind.${r.kind}`)}</td>
                        <td>${formatDateTime(r.createdAt)} · ${r.createdBy}</td>
                        <td>
                          ${
                            r.status === 'ready'
                              ? FORMATS.map(
                                  (f) =>
                                    html`<a href=${reportHref(r.id, f)} target=${f === 'html' ? '_blank' : ''} rel="noopener"
                                      >${f.toUpperCase()}</a
                                    > `,
                                )
                              : html`<span class=${r.status === 'failed' ? 'late' : 'muted'}
                                  >${t(`reports.status.${r.status}`)}${r.error ? `: ${r.error}` : ''}</span
                                >`
                          }
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
        }
      </section>
      ${this.siteId ? html`<fb-staff-pulse .siteId=${this.siteId}></fb-staff-pulse><fb-assessment .siteId=${this.siteId} ?canAct=${this.canAct}></fb-assessment>` : ''}`;
  }
}
customElements.define('fb-reports', FbReports);
