import { LitElement, html } from 'lit';
import { formatDateTime, LanguageController, t } from '@feedback/web-base/i18n.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import type { CustomerComment } from '@feedback/web-base/contract.ts';
import { comments, setPublishable } from '../data/comments.ts';
import { rangeOf, type Filters } from '../filters.ts';
import { analysisStyles } from '../fb-analysis-styles.ts';
import { closedLoopStyles } from './closed-loop-styles.ts';

/** Customers' comments of the filter's period (never their contact); a positive, unflagged one can be shown on the staff screen. */
export class FbComments extends LitElement {
  static override properties = {
    filters: { attribute: false },
    canAct: { type: Boolean },
    comments: { state: true },
    error: { state: true },
  };
  declare filters: Filters;
  declare canAct: boolean;
  declare comments: CustomerComment[];
  declare error: string;

  constructor() {
    super();
    new LanguageController(this);
    this.comments = [];
    this.error = '';
    this.canAct = false;
  }

  static override styles = [tokens, analysisStyles, closedLoopStyles];

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('filters')) void this.load();
  }

  private async load(): Promise<void> {
    const { from, to } = rangeOf(this.filters);
    const where = {
      ...(this.filters.siteId ? { siteId: this.filters.siteId } : {}),
      ...(this.filters.pointId ? { pointId: this.filters.pointId } : {}),
    };
    try {
      this.comments = await comments({ from, to, ...where, limit: 50 });
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private async publish(c: CustomerComment, publishable: boolean): Promise<void> {
    try {
      await setPublishable(c, publishable);
      await this.load();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  override render() {
    return html`<section>
      <h2>${t('comments.title')}</h2>
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : ''}
      ${
        this.comments.length === 0
          ? html`<p class="muted">${t('comments.none')}</p>`
          : html`<ul class="cards">
              ${this.comments.map(
                (c) =>
                  html`<li class="card" data-comment=${`${c.deviceId}/${c.boot}/${c.seq}`}>
                    <div>“${c.comment}”</div>
                    <div class="muted">
                      ${formatDateTime(c.notedAt)} · <span class=${c.polarity}>${t(`comments.polarity.${c.polarity}`)}</span>
                      ${c.flags.length ? html` · <strong class="late">${t('comments.flagged', { flags: c.flags.map((f) => t(`comments.flag.${f}`)).join(', ') })}</strong>` : ''}
                      ${c.publishable ? html` · ${t('comments.onScreen')}` : ''}
                    </div>
                    ${
                      this.canAct && c.polarity === 'positive' && c.flags.length === 0
                        ? html`<div class="actions">
                            <button
                              class="secondary"
                              data-publish=${c.publishable ? 'off' : 'on'}
                              @click=${() => void this.publish(c, !c.publishable)}
                            >
                              ${c.publishable ? t('comments.hide') : t('comments.show')}
                            </button>
                          </div>`
                        : ''
                    }
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }
}
customElements.define('fb-comments', FbComments);
