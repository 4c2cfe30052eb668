import { LitElement, css, html } from 'lit';
import { questionStep } from './question-step.ts';
import { ApiError } from '@feedback/web-base/api-client.ts';
import { phoneSurvey, sendPhoneAnswers } from './data/phone.ts';
import { textIn } from '@feedback/web-base/localized.ts';
import { LanguageController, LANGUAGE_NAMES, LANGUAGES, language, setLanguage, t } from '@feedback/web-base/i18n.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import type { KioskSurvey } from '@feedback/web-base/contract.ts';
import { scaleShape } from './fb-scale-question.ts';
import { followUpPolarity, type FollowUpNote } from './fb-follow-up.ts';
import './fb-scale-question.ts';

type Survey = KioskSurvey['survey'];
type Answer = { question: number; value: number | null };

/** What each refusal means for the customer, in their language: never a technical message. */
function problemOf(error: unknown): string {
  const status = error instanceof ApiError ? error.status : 0;
  const detail = error instanceof ApiError ? (error.detail ?? '') : '';
  if (status === 410) return /used/.test(detail) ? 'phone.used' : 'phone.expired';
  if (status === 404) return 'phone.unknown';
  if (status === 429) return 'phone.busy';
  return status === 0 ? 'phone.offline' : 'phone.failed';
}

/**
 * The survey on a customer's own phone, opened by a QR code (/s/<code>): the same questions and
 * follow-up as the kiosk, in a mobile layout, no account; everything is sent once at the end.
 */
export class FbPhoneSurvey extends LitElement {
  static override properties = {
    code: {},
    point: { state: true },
    survey: { state: true },
    step: { state: true },
    following: { state: true },
    problem: { state: true },
    done: { state: true },
  };
  declare code: string;
  declare point: string;
  declare survey: Survey | undefined;
  declare step: number;
  declare following: 'positive' | 'negative' | undefined;
  declare problem: string;
  declare done: boolean;
  private answers: Answer[] = [];
  private note: (FollowUpNote & { question: number }) | undefined;

  constructor() {
    super();
    new LanguageController(this);
    this.code = location.pathname.split('/').pop() ?? '';
    this.point = '';
    this.step = 0;
    this.problem = '';
    this.done = false;
  }

  static override styles = [
    tokens,
    css`
      :host {
        display: grid;
        grid-template-rows: auto 1fr;
        min-height: 100vh;
        background: var(--fb-surface);
        color: var(--fb-text);
        font-size: 1.15rem;
      }
      header {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: var(--fb-space-2);
        padding: var(--fb-space-2) var(--fb-space-3);
        flex-wrap: wrap;
      }
      header .point {
        color: var(--fb-text-muted);
      }
      header button {
        font: inherit;
        min-height: 48px;
        min-width: 48px;
        padding: 0 var(--fb-space-2);
        border-radius: 24px;
        border: 2px solid var(--fb-border);
        background: var(--fb-surface);
        color: var(--fb-text);
      }
      header button[aria-pressed='true'] {
        border-color: var(--fb-accent);
        color: var(--fb-accent);
        font-weight: 600;
      }
      main {
        display: grid;
        place-items: center;
        padding: var(--fb-space-3) var(--fb-space-2);
        text-align: center;
        min-width: 0;
      }
      .question {
        width: 100%;
        max-width: 60rem;
      }
      .skip {
        font: inherit;
        margin-top: var(--fb-space-4);
        min-height: 48px;
        padding: 0 var(--fb-space-4);
        border: 0;
        background: transparent;
        color: var(--fb-text-muted);
        text-decoration: underline;
      }
      .thanks {
        font-size: 2rem;
        font-weight: 700;
        color: var(--fb-positive);
      }
      .progress {
        color: var(--fb-text-muted);
      }
      fb-scale-question {
        --fb-face-max: 6rem;
        --fb-option-max: 5rem;
        --fb-option-height: 48px;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const opened = await phoneSurvey(this.code);
      this.point = opened.point;
      this.survey = opened.survey;
    } catch (error) {
      this.problem = problemOf(error);
    }
  }

  private get questions(): Survey['questions'] {
    return (this.survey?.questions ?? []).filter((q) => scaleShape(q.scale) !== undefined);
  }

  private answer(value: number | null): void {
    const question = this.questions[this.step]!;
    this.answers.push({ question: question.number, value });
    this.step++;
    const polarity = followUpPolarity(this.survey?.followUp, question.number, value);
    if (polarity) this.following = polarity;
    else if (this.step >= this.questions.length) void this.send();
  }

  private followedUp(note: FollowUpNote): void {
    const question = this.questions[this.step - 1]!.number;
    if (note.reasons.length > 0 || note.comment || note.contact) this.note = { question, ...note };
    this.following = undefined;
    if (this.step >= this.questions.length) void this.send();
  }

  private async send(): Promise<void> {
    try {
      await sendPhoneAnswers(this.code, { answers: this.answers, ...(this.note ? { note: this.note } : {}) });
      this.done = true;
    } catch (error) {
      this.problem = problemOf(error);
    }
  }

  override render() {
    return html`
      <header>
        <span class="point">${this.point}</span>
        <span>
          ${LANGUAGES.map((l) => html`<button type="button" lang=${l} aria-pressed=${l === language() ? 'true' : 'false'} @click=${() => void setLanguage(l)}>${LANGUAGE_NAMES[l]}</button>`)}
        </span>
      </header>
      <main>${this.body()}</main>
    `;
  }

  private body() {
    if (this.done) return html`<p class="thanks" role="status" data-testid="thanks">${t('kiosk.thanks')}</p>`;
    if (this.problem) return html`<p role="alert" data-problem=${this.problem}>${t(this.problem)}</p>`;
    const f = this.survey?.followUp;
    if (this.following && f)
      return html`<fb-follow-up
        .followUp=${f}
        .polarity=${this.following}
        @done=${(e: CustomEvent<FollowUpNote>) => this.followedUp(e.detail)}
      ></fb-follow-up>`;
    const q = this.questions[this.step];
    if (!q) return html``;
    return questionStep(
      {
        key: q.number,
        progress: t('kiosk.progress', { current: this.step + 1, total: this.questions.length }),
        label: textIn(q.label, language()),
        scale: q.scale,
      },
      (value) => this.answer(value),
    );
  }
}
customElements.define('fb-phone-survey', FbPhoneSurvey);
