import { LitElement, css, html } from 'lit';
import { formatDateTime, formatNumber, LanguageController, t } from '@feedback/web-base/i18n.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import { analysisStyles } from '../fb-analysis-styles.ts';
import { closedLoopStyles } from './closed-loop-styles.ts';
import { checklist, saveAssessment, savedAssessments } from '../data/assessments.ts';

type Item = Awaited<ReturnType<typeof checklist>>['items'][number];
type Answer = NonNullable<Item['automatic']>['answer'];
type Saved = Awaited<ReturnType<typeof savedAssessments>>[number];

const ANSWERS: Answer[] = ['yes', 'partly', 'no'];

/** The customer-centricity self-assessment: the checklist with the gateway's own answers and their evidence, and earlier results side by side. */
export class FbAssessment extends LitElement {
  static override properties = {
    siteId: { type: String },
    canAct: { type: Boolean },
    sections: { state: true },
    items: { state: true },
    history: { state: true },
    error: { state: true },
  };
  declare siteId: string;
  declare canAct: boolean;
  declare sections: string[];
  declare items: Item[];
  declare history: Saved[];
  declare error: string;

  constructor() {
    super();
    new LanguageController(this);
    this.sections = [];
    this.items = [];
    this.history = [];
    this.error = '';
    this.canAct = false;
  }

  static override styles = [
    tokens,
    analysisStyles,
    closedLoopStyles,
    css`
      fieldset {
        border: 0;
        padding: 0;
        margin: var(--fb-space-4) 0 0;
        display: grid;
        gap: var(--fb-space-2);
      }
      legend {
        font-size: var(--fb-text-l);
        font-weight: 600;
        margin-bottom: var(--fb-space-2);
      }
      .item {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: var(--fb-space-1) var(--fb-space-3);
        align-items: center;
      }
      .item .evidence {
        grid-column: 1 / -1;
      }
      .choices {
        display: flex;
        gap: var(--fb-space-3);
      }
      label.choice {
        display: inline-flex;
        align-items: center;
        gap: var(--fb-space-1);
        font-size: var(--fb-text-m);
        color: var(--fb-text);
        min-height: 2.2rem;
      }
      form > button {
        margin-top: var(--fb-space-3);
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('siteId')) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [list, saved] = await Promise.all([checklist(this.siteId), savedAssessments(this.siteId, 50)]);
      this.sections = list.sections;
      this.items = list.items;
      this.history = saved;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const answers = Object.fromEntries(this.items.flatMap((i) => (data.get(i.id) ? [[i.id, String(data.get(i.id)) as Answer]] : [])));
    try {
      await saveAssessment(this.siteId, answers);
      this.error = '';
      await this.load();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  override render() {
    return html`<section>
      <h2>${t('assessment.title')}</h2>
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : ''}
      ${
        this.history.length
          ? html`<table data-history>
              <thead>
                <tr>
                  <th scope="col">${t('assessment.date')}</th>
                  ${this.sections.map((s) => html`<th scope="col">${t(`assessment.section.${s}`)}</th>`)}
                  <th scope="col">${t('assessment.total')}</th>
                </tr>
              </thead>
              <tbody>
                ${this.history.map(
                  (a) =>
                    html`<tr>
                      <td>${formatDateTime(a.takenAt)} · ${a.takenBy}</td>
                      ${this.sections.map((s) => html`<td>${formatNumber(a.scores.sections[s] ?? 0)}%</td>`)}
                      <td><strong>${formatNumber(a.scores.total)}%</strong></td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p class="muted">${t('assessment.none')}</p>`
      }
      <form @submit=${(e: SubmitEvent) => void this.save(e)}>
        ${this.sections.map(
          (section) =>
            html`<fieldset>
              <legend>${t(`assessment.section.${section}`)}</legend>
              ${this.items
                .filter((i) => i.section === section)
                .map(
                  (item) =>
                    html`<div class="card item" data-item=${item.id}>
                      <div id=${`q-${item.id}`}>${t(`assessment.item.${item.id}`, { defaultValue: item.text })}</div>
                      <div class="choices" role="radiogroup" aria-labelledby=${`q-${item.id}`}>
                        ${ANSWERS.map((a) => html`<label class="choice"><input type="radio" name=${item.id} value=${a} ?checked=${item.automatic?.answer === a} ?disabled=${!this.canAct} /> ${t(`assessment.answer.${a}`)}</label> `)}
                      </div>
                      ${item.automatic ? html`<div class="muted evidence">${t('assessment.evidence', { evidence: item.automatic.evidence })}</div>` : ''}
                    </div>`,
                )}
            </fieldset>`,
        )}
        ${this.canAct ? html`<button type="submit">${t('assessment.save')}</button>` : ''}
      </form>
    </section>`;
  }
}
customElements.define('fb-assessment', FbAssessment);
