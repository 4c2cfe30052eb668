import { LitElement, html } from 'lit';
import { LiveController } from '@feedback/web-base/live-controller.ts';
import { formatDateTime, LanguageController, t } from '@feedback/web-base/i18n.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import type { Case, CaseEvent, CaseStatus } from '@feedback/web-base/contract.ts';
import { caseWithHistory, changeCase, commentOnCase, eraseCaseContact, moveCase } from '../data/cases.ts';
import { analysisStyles } from '../fb-analysis-styles.ts';
import { closedLoopStyles } from './closed-loop-styles.ts';

/** The statuses a case may move to (the gateway checks the same; this only offers the buttons). */
const NEXT: Record<CaseStatus, CaseStatus[]> = {
  new: ['acknowledged'],
  acknowledged: ['in_progress'],
  in_progress: ['resolved'],
  resolved: ['closed', 'in_progress'],
  closed: [],
};

/** A history line's action in the reader's language (the gateway records it in a fixed form). */
function actionText(action: string): string {
  const move = /^status (\w+) → (\w+)$/.exec(action);
  if (move) return t('cases.history.status', { from: t(`cases.status.${move[1]}`), to: t(`cases.status.${move[2]}`) });
  return t(`cases.history.${action.replace(/[^a-z]+/g, '-')}`, { defaultValue: action });
}

/** One case: what happened, its deadlines and history; those who handle cases move it on, comment, assign, erase the contact. */
export class FbCaseDetail extends LitElement {
  static override properties = {
    caseId: { type: Number },
    canAct: { type: Boolean },
    item: { state: true },
    history: { state: true },
    error: { state: true },
    confirmation: { state: true },
  };
  declare caseId: number;
  declare canAct: boolean;
  declare item: Case | undefined;
  declare history: CaseEvent[];
  declare error: string;
  /** The close form's answer so far: "no" shows the reason field, and requires it. */
  declare confirmation: string;

  constructor() {
    super();
    new LanguageController(this);
    new LiveController(this, 'case', ({ case: c }) => {
      if (c.id === this.caseId) void this.load();
    });
    this.history = [];
    this.error = '';
    this.confirmation = '';
    this.canAct = false;
  }

  static override styles = [tokens, analysisStyles, closedLoopStyles];

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('caseId')) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const { case: item, history } = await caseWithHistory(this.caseId);
      this.item = item;
      this.history = history;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  /** Runs a change and shows the case as the gateway returns it, or the gateway's reason for refusing. */
  private async act(change: () => Promise<unknown>, form?: HTMLFormElement): Promise<void> {
    try {
      await change();
      form?.reset();
      this.confirmation = '';
      this.error = '';
      await this.load();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private submit(event: SubmitEvent, handle: (data: FormData, form: HTMLFormElement) => Promise<void>): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    void handle(new FormData(form), form);
  }

  private actions(c: Case) {
    const moves = NEXT[c.status].filter((s) => s !== 'closed');
    return html`
      <div class="actions">
        ${moves.map((to) => html`<button data-move=${to} @click=${() => void this.act(() => moveCase(c.id, { to }))}>${t('cases.moveTo', { status: t(`cases.status.${to}`) })}</button>`)}
      </div>
      ${
        NEXT[c.status].includes('closed')
          ? html`<form
              class="stack"
              data-form="close"
              @submit=${(e: SubmitEvent) =>
                this.submit(e, (d, f) =>
                  this.act(
                    () =>
                      moveCase(c.id, {
                        to: 'closed',
                        rootCause: String(d.get('rootCause') ?? ''),
                        ...confirmationOf(d),
                      }),
                    f,
                  ),
                )}
            >
              <label class="wide">${t('cases.rootCause')} <textarea name="rootCause" required maxlength="2000" rows="2"></textarea></label>
              <fieldset class="wide" @change=${(e: Event) => (this.confirmation = (e.target as HTMLInputElement).value)}>
                <legend>${t('cases.customerConfirmed')}</legend>
                ${(['yes', 'no', 'unreachable'] as const).map(
                  (v) => html`<label><input type="radio" name="confirmed" value=${v} required /> ${t(`cases.confirm.${v}`)}</label>`,
                )}
              </fieldset>
              ${
                this.confirmation === 'no'
                  ? html`<label class="wide" data-reason
                      >${t('cases.unconfirmedReason')} <textarea name="reason" required maxlength="2000" rows="2"></textarea>
                    </label>`
                  : ''
              }
              <button type="submit">${t('cases.close')}</button>
            </form>`
          : ''
      }
      ${
        c.status !== 'closed'
          ? html`<form
              class="stack"
              data-form="owner"
              @submit=${(e: SubmitEvent) => this.submit(e, (d) => this.act(() => changeCase(c.id, { owner: String(d.get('owner') ?? '') })))}
            >
              <label>${t('cases.owner')} <input name="owner" required maxlength="120" .value=${c.owner} /></label>
              <button type="submit" class="secondary">${t('cases.assign')}</button>
            </form>`
          : ''
      }
      <form
        class="stack"
        data-form="follow-up"
        @submit=${(e: SubmitEvent) => this.submit(e, (d) => this.act(() => changeCase(c.id, { followUp: String(d.get('followUp') ?? '') })))}
      >
        <label class="wide"
          >${t('cases.followUp')} <textarea name="followUp" required maxlength="4000" rows="2" .value=${c.followUp ?? ''}></textarea>
        </label>
        <button type="submit" class="secondary">${t('cases.saveFollowUp')}</button>
      </form>
      <form
        class="stack"
        data-form="comment"
        @submit=${(e: SubmitEvent) => this.submit(e, (d, f) => this.act(() => commentOnCase(c.id, String(d.get('text') ?? '')), f))}
      >
        <label class="wide">${t('cases.comment')} <textarea name="text" required maxlength="4000" rows="2"></textarea></label>
        <button type="submit" class="secondary">${t('cases.addComment')}</button>
      </form>
    `;
  }

  override render() {
    const c = this.item;
    const back = html`<button class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('back'))}>${t('cases.back')}</button>`;
    if (!c) return html`<section>${back}${this.error ? html`<p role="alert" class="error">${this.error}</p>` : ''}</section>`;
    return html`<section data-case=${c.id} data-status=${c.status}>
      ${back}
      <h2>${t('cases.heading', { id: c.id })}: ${t(`cases.status.${c.status}`)}</h2>
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : ''}
      <dl>
        <dt>${t('cases.summary')}</dt>
        <dd>${c.summary}</dd>
        <dt>${t('cases.origin')}</dt>
        <dd>${t(`cases.origin.${c.origin}`)} · ${formatDateTime(c.openedAt)}</dd>
        <dt>${t('cases.category')}</dt>
        <dd>${t(`cases.category.${c.category}`)}${c.subcategory ? ` · ${c.subcategory}` : ''}</dd>
        <dt>${t('cases.severity')}</dt>
        <dd>${t(`cases.severity.${c.severity}`)}</dd>
        <dt>${t('cases.owner')}</dt>
        <dd>
          ${c.owner}
          (${c.department})${c.escalatedTo ? html` · <strong class="late">${t('cases.escalatedTo', { name: c.escalatedTo })}</strong>` : ''}
        </dd>
        ${
          c.repeatOf !== null
            ? html`<dt>${t('cases.repeat')}</dt>
                <dd>${t('cases.repeatOf', { id: c.repeatOf })}</dd>`
            : ''
        }
        <dt>${t('cases.contact')}</dt>
        <dd>
          ${c.contact ?? t('cases.noContact')}
          ${c.contact && this.canAct ? html` <button class="secondary" data-erase @click=${() => void this.act(() => eraseCaseContact(c.id))}>${t('cases.eraseContact')}</button>` : ''}
        </dd>
        ${
          c.followUp
            ? html`<dt>${t('cases.followUp')}</dt>
                <dd>${c.followUp}</dd>`
            : ''
        }
        ${
          c.rootCause
            ? html`<dt>${t('cases.rootCause')}</dt>
                <dd>
                  ${c.rootCause}${c.customerConfirmed !== null ? ` · ${t(CONFIRMATION_LABEL[String(c.customerConfirmed) as 'true' | 'false' | 'unreachable'])}` : ''}
                </dd>`
            : ''
        }
      </dl>
      <h3>${t('cases.deadlines')}</h3>
      <ul>
        ${c.deadlines.map(
          (d) =>
            html`<li>
              ${t(`cases.deadline.${d.kind}`)}: ${formatDateTime(d.dueAt)} —
              ${d.metAt !== null ? t('cases.metAt', { time: formatDateTime(d.metAt) }) : ''}${d.missedAt !== null ? html` <strong class="late">${t('cases.missed')}</strong>` : ''}
            </li>`,
        )}
      </ul>
      ${this.canAct && c.status !== 'closed' ? this.actions(c) : ''}
      <h3>${t('cases.history')}</h3>
      <ol class="history">
        ${this.history.map((h) => html`<li>${formatDateTime(h.at)} · ${h.actor} · ${actionText(h.action)}${h.detail ? ` — ${h.detail}` : ''}</li>`)}
      </ol>
    </section>`;
  }
}
customElements.define('fb-case-detail', FbCaseDetail);

const CONFIRMATION_LABEL = { true: 'cases.confirmed', false: 'cases.notConfirmed', unreachable: 'cases.unreachable' } as const;

/** The close form's answer to "did the customer confirm the fix?": yes, no (with the reason) or unreachable. */
function confirmationOf(d: FormData): { customerConfirmed: boolean | 'unreachable'; reason?: string } {
  const v = d.get('confirmed');
  if (v === 'unreachable') return { customerConfirmed: 'unreachable' };
  if (v === 'no') return { customerConfirmed: false, reason: String(d.get('reason') ?? '') };
  return { customerConfirmed: true };
}
