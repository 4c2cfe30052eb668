import { LitElement, html } from 'lit';
import { formatDateTime, language, LanguageController, t } from '@feedback/web-base/i18n.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import type { PointSummary, Review } from '@feedback/web-base/contract.ts';
import type { Filters } from '../filters.ts';
import { analysisStyles } from '../fb-analysis-styles.ts';
import { chosenSite, closedLoopStyles, siteNameOf } from './closed-loop-styles.ts';
import { importReviews, markReviewsChecked, moveReview, replyDraft, replyToReview, reviews } from '../data/reviews.ts';

type ImportResult = Awaited<ReturnType<typeof importReviews>>;

/**
 * The online reviews journal of a site: the daily "reviews checked" mark, file import, and each
 * review with its sentiment, reply deadline, a reply drafted in its tone, and the statuses.
 */
export class FbReviews extends LitElement {
  static override properties = {
    filters: { attribute: false },
    points: { attribute: false },
    canAct: { type: Boolean },
    reviews: { state: true },
    drafts: { state: true },
    imported: { state: true },
    checked: { state: true },
    error: { state: true },
  };
  declare filters: Filters;
  declare points: PointSummary[];
  declare canAct: boolean;
  declare reviews: Review[];
  declare drafts: Record<number, string>;
  declare imported: ImportResult | undefined;
  declare checked: boolean;
  declare error: string;

  constructor() {
    super();
    new LanguageController(this);
    this.points = [];
    this.reviews = [];
    this.drafts = {};
    this.error = '';
    this.canAct = false;
    this.checked = false;
  }

  static override styles = [tokens, analysisStyles, closedLoopStyles];

  /** the one site chosen, or '' for all the reader's sites (the list covers them all; the check and an import need one) */
  private get siteId(): string {
    return chosenSite(this.filters, this.points);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('filters') || changed.has('points')) void this.load();
  }

  private async load(): Promise<void> {
    if (this.points.length === 0) return;
    try {
      this.reviews = await reviews(this.siteId, 100);
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private async run(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
      this.error = '';
      await this.load();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private async importFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const csv = file.name.toLowerCase().endsWith('.csv');
    const type = csv ? 'text/csv' : file.name.toLowerCase().endsWith('.jsonl') ? 'application/x-ndjson' : 'application/json';
    // a CSV goes as its bytes: a Russian Excel export is cp1251, which the gateway reads (the browser would not)
    const body = csv ? file : await file.text();
    await this.run(async () => {
      this.imported = await importReviews(this.siteId, body, type);
    });
    input.value = '';
  }

  private async draft(review: Review): Promise<void> {
    const draft = await replyDraft(review.id, language());
    this.drafts = { ...this.drafts, [review.id]: draft };
  }

  private reviewCard(r: Review, now: number) {
    const late = r.answeredAt === null && r.replyDueAt < now;
    return html`<li class="card" data-review=${r.id} data-status=${r.status}>
      <div>
        ${this.siteId ? '' : html`<span data-site>${siteNameOf(this.points, r.siteId)}</span> · `}<strong>${r.platform}</strong> ·
        ${r.author ?? t('reviews.anonymous')} · ${formatDateTime(r.publishedAt)}
        ${r.rating !== null ? html` · ${t('reviews.rating', { rating: r.rating })}` : ''} ·
        <span class=${r.sentiment}>${t(`reviews.sentiment.${r.sentiment}`)}</span> · ${t(`reviews.status.${r.status}`)}
      </div>
      ${r.text ? html`<p>${r.text}</p>` : ''}
      <div class="muted">
        ${r.answeredAt !== null ? t('reviews.answeredAt', { time: formatDateTime(r.answeredAt), by: r.answeredBy ?? '' }) : t('reviews.due', { time: formatDateTime(r.replyDueAt) })}
        ${late ? html` <strong class="late">${t('reviews.late')}</strong>` : ''}
        ${r.link ? html` · <a href=${r.link} rel="noopener noreferrer" target="_blank">${t('reviews.link')}</a>` : ''}
      </div>
      ${this.canAct && r.status !== 'answered' ? this.replyForm(r) : ''}
    </li>`;
  }

  private replyForm(r: Review) {
    const draft = this.drafts[r.id];
    return html`<div class="actions">
        <button class="secondary" data-draft @click=${() => void this.run(() => this.draft(r))}>${t('reviews.draft')}</button>
        ${r.status === 'new' ? html`<button class="secondary" @click=${() => void this.run(() => moveReview(r.id, 'in_work'))}>${t('reviews.inWork')}</button>` : ''}
        ${
          r.status !== 'passed_to_quality'
            ? html`<button class="secondary" data-quality @click=${() => void this.run(() => moveReview(r.id, 'passed_to_quality'))}>
                ${t('reviews.passToQuality')}
              </button>`
            : html`<span class="muted">${t('reviews.case', { id: r.caseId ?? '' })}</span>`
        }
      </div>
      ${
        draft !== undefined
          ? html`<form
              class="stack"
              @submit=${(e: SubmitEvent) => {
                e.preventDefault();
                const text = String(new FormData(e.target as HTMLFormElement).get('reply') ?? '');
                void this.run(() => replyToReview(r.id, text));
              }}
            >
              <label class="wide"
                >${t('reviews.reply')} <textarea name="reply" rows="6" required maxlength="5000" .value=${draft}></textarea>
              </label>
              <button type="submit">${t('reviews.sendReply')}</button>
            </form>`
          : ''
      }`;
  }

  override render() {
    const now = Date.now();
    return html`<section>
      <h2>${t('reviews.title')}</h2>
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : ''}
      ${this.canAct && !this.siteId ? html`<p class="muted" data-choose-site>${t('closedLoop.chooseSite')}</p>` : ''}
      ${
        this.canAct && this.siteId
          ? html`<div class="actions">
                <button
                  data-check
                  ?disabled=${this.checked}
                  @click=${() =>
                    void this.run(async () => {
                      await markReviewsChecked(this.siteId);
                      this.checked = true;
                    })}
                >
                  ${this.checked ? t('reviews.checkedDone') : t('reviews.check')}
                </button>
                <label
                  >${t('reviews.import')}
                  <input type="file" accept=".csv,.json,.jsonl,text/csv,application/json" @change=${(e: Event) => void this.importFile(e)}
                /></label>
              </div>
              ${
                this.imported
                  ? html`<div role="status">
                      ${t('reviews.imported', { imported: this.imported.imported, duplicates: this.imported.duplicates, problems: this.imported.problems.length })}
                      ${
                        this.imported.read
                          ? html`<span data-read
                              >${t('reviews.readAs', {
                                encoding: this.imported.read.encoding,
                                delimiter: this.imported.read.delimiter === '\t' ? 'Tab' : this.imported.read.delimiter,
                              })}</span
                            >`
                          : ''
                      }
                      <ul>
                        ${this.imported.problems.map((p) => html`<li>${p.line !== undefined ? t('reviews.problemLine', { line: p.line }) : t('reviews.problemItem', { item: p.item })}: ${p.message}</li>`)}
                      </ul>
                    </div>`
                  : ''
              }`
          : ''
      }
      ${
        this.reviews.length === 0
          ? html`<p class="muted">${t('reviews.none')}</p>`
          : html`<ul class="cards">
              ${this.reviews.map((r) => this.reviewCard(r, now))}
            </ul>`
      }
    </section>`;
  }
}
customElements.define('fb-reviews', FbReviews);
