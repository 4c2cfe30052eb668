import { LitElement, css, html } from 'lit';
import { LiveController } from '@feedback/web-base/live-controller.ts';
import { formatDateTime, LanguageController, t } from '@feedback/web-base/i18n.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import type { Case, PointSummary } from '@feedback/web-base/contract.ts';
import { cases, openCase, type CaseQuery, type OpenCase } from '../data/cases.ts';
import type { Filters } from '../filters.ts';
import { analysisStyles } from '../fb-analysis-styles.ts';
import { closedLoopStyles, siteOf } from './closed-loop-styles.ts';
import './fb-case-detail.ts';
import './fb-comments.ts';

const STATUSES = ['new', 'acknowledged', 'in_progress', 'resolved', 'closed'] as const;
const CATEGORIES = ['product', 'service', 'operations', 'suggestion'] as const;

/** The next deadline a case has not met yet, if any. */
function nextDeadline(c: Case): Case['deadlines'][number] | undefined {
  return c.deadlines.filter((d) => d.metAt === null).sort((a, b) => a.dueAt - b.dueAt)[0];
}

/**
 * Cases of the filter's site: a table filtered by status (or overdue only), updated live; a row
 * opens the case; managers open cases by hand (a hotline call, a complaint in person).
 */
export class FbCases extends LitElement {
  static override properties = {
    filters: { attribute: false },
    params: { attribute: false },
    points: { attribute: false },
    canAct: { type: Boolean },
    cases: { state: true },
    error: { state: true },
  };
  declare filters: Filters;
  declare params: Record<string, string>;
  declare points: PointSummary[];
  declare canAct: boolean;
  declare cases: Case[];
  declare error: string;

  constructor() {
    super();
    new LanguageController(this);
    new LiveController(this, 'case', () => void this.load());
    this.params = {};
    this.points = [];
    this.cases = [];
    this.error = '';
    this.canAct = false;
  }

  static override styles = [tokens, analysisStyles, closedLoopStyles, css``];

  override willUpdate(changed: Map<string, unknown>): void {
    if (
      changed.has('filters') ||
      (changed.has('params') && (changed.get('params') as Record<string, string> | undefined)?.status !== this.params.status)
    )
      void this.load();
  }

  private async load(): Promise<void> {
    const status = this.params.status ?? '';
    const query: CaseQuery = {
      limit: 200,
      ...(this.filters.siteId ? { siteId: this.filters.siteId } : {}),
      ...(this.filters.pointId ? { pointId: this.filters.pointId } : {}),
    };
    if (status === 'overdue') query.overdue = true;
    else if (status) query.status = status as CaseQuery['status'];
    try {
      this.cases = await cases(query);
      this.error = '';
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private setParams(params: Record<string, string>): void {
    this.dispatchEvent(new CustomEvent('params-changed', { detail: { ...this.params, ...params }, bubbles: true, composed: true }));
  }

  private async openCase(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const pointId = String(data.get('pointId') ?? '');
    const siteId = siteOf(this.filters, this.points, pointId);
    try {
      const opened = await openCase({
        siteId,
        ...(pointId ? { pointId } : {}),
        origin: data.get('origin') as OpenCase['origin'],
        category: data.get('category') as OpenCase['category'],
        severity: Number(data.get('severity')) as OpenCase['severity'],
        summary: String(data.get('summary') ?? ''),
      });
      form.reset();
      this.setParams({ case: String(opened.id) });
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private newCaseForm() {
    const points = this.points.filter((p) => !this.filters.siteId || p.siteId === this.filters.siteId);
    return html`<details>
      <summary>${t('cases.new')}</summary>
      <form class="stack" @submit=${(e: SubmitEvent) => void this.openCase(e)}>
        <label
          >${t('cases.origin')}
          <select name="origin">
            ${(['hotline', 'in_person'] as const).map((o) => html`<option value=${o}>${t(`cases.origin.${o}`)}</option>`)}
          </select>
        </label>
        <label
          >${t('cases.point')}
          <select name="pointId">
            <option value="">—</option>
            ${points.map((p) => html`<option value=${p.pointId}>${p.name}</option>`)}
          </select>
        </label>
        <label
          >${t('cases.category')}
          <select name="category">
            ${CATEGORIES.map((c) => html`<option value=${c}>${t(`cases.category.${c}`)}</option>`)}
          </select>
        </label>
        <label
          >${t('cases.severity')}
          <select name="severity">
            ${[1, 2, 3].map((s) => html`<option value=${s} ?selected=${s === 2}>${t(`cases.severity.${s}`)}</option>`)}
          </select>
        </label>
        <label class="wide">${t('cases.summary')} <textarea name="summary" required maxlength="4000" rows="3"></textarea></label>
        <button type="submit">${t('cases.open')}</button>
      </form>
    </details>`;
  }

  override render() {
    const open = this.params.case ? Number(this.params.case) : undefined;
    if (open)
      return html`<fb-case-detail .caseId=${open} ?canAct=${this.canAct} @back=${() => this.setParams({ case: '' })}></fb-case-detail>`;
    const status = this.params.status ?? '';
    const now = Date.now();
    return html`<section>
        <h2>${t('cases.title')}</h2>
        <div class="controls">
          <label
            >${t('cases.status')}
            <select @change=${(e: Event) => this.setParams({ status: (e.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${status === ''}>${t('cases.all')}</option>
              <option value="overdue" ?selected=${status === 'overdue'}>${t('cases.overdueOnly')}</option>
              ${STATUSES.map((s) => html`<option value=${s} ?selected=${status === s}>${t(`cases.status.${s}`)}</option>`)}
            </select>
          </label>
        </div>
        ${this.canAct ? this.newCaseForm() : ''} ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : ''}
        ${
          this.cases.length === 0
            ? html`<p class="muted">${t('cases.none')}</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">${t('cases.opened')}</th>
                    <th scope="col">${t('cases.point')}</th>
                    <th scope="col">${t('cases.category')}</th>
                    <th scope="col">${t('cases.severity')}</th>
                    <th scope="col">${t('cases.status')}</th>
                    <th scope="col">${t('cases.owner')}</th>
                    <th scope="col">${t('cases.nextDeadline')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${this.cases.map((c) => {
                    const next = nextDeadline(c);
                    return html`<tr
                      data-case=${c.id}
                      class=${c.status !== 'closed' && c.deadlines.some((d) => d.metAt === null && d.dueAt <= now) ? 'overdue' : ''}
                    >
                      <td>
                        <a
                          href=${`?case=${c.id}`}
                          @click=${(e: MouseEvent) => {
                            e.preventDefault();
                            this.setParams({ case: String(c.id) });
                          }}
                          >${c.id}</a
                        >
                      </td>
                      <td>${formatDateTime(c.openedAt)}</td>
                      <td>${this.points.find((p) => p.pointId === c.pointId)?.name ?? c.pointId ?? '—'}</td>
                      <td>${t(`cases.category.${c.category}`)}</td>
                      <td>${c.severity}</td>
                      <td>${t(`cases.status.${c.status}`)}</td>
                      <td>${c.owner}</td>
                      <td>
                        ${next ? html`${t(`cases.deadline.${next.kind}`)}: ${formatDateTime(next.dueAt)}${next.dueAt < now ? html` <strong class="late">${t('cases.overdue')}</strong>` : ''}` : '—'}
                      </td>
                    </tr>`;
                  })}
                </tbody>
              </table>`
        }
      </section>
      <fb-comments .filters=${this.filters} ?canAct=${this.canAct}></fb-comments>`;
  }
}
customElements.define('fb-cases', FbCases);
