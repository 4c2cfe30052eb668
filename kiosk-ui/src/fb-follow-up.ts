import { LitElement, css, html } from 'lit';
import { LanguageController, language, t } from '@feedback/web-base/i18n.ts';
import { textIn } from '@feedback/web-base/localized.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import type { KioskSurvey } from '@feedback/web-base/contract.ts';
import type { KioskNote } from './answer-queue.ts';

type FollowUp = NonNullable<KioskSurvey['survey']['followUp']>;
type Stage = 'why' | 'comment' | 'callback';
export type FollowUpNote = Omit<KioskNote, 'seq'>;

/**
 * Whether an answer is followed up, and as positive or negative: only the followed-up question's
 * answer, only in a half of its scale (neutral and skipped are not), and only when that half has
 * something to ask (choices, a comment, or a callback after a negative answer).
 */
export function followUpPolarity(
  f: FollowUp | undefined,
  questionNumber: number,
  value: number | null,
): 'positive' | 'negative' | undefined {
  if (!f || f.question !== questionNumber || value === null) return undefined;
  const polarity = f.positiveValues.includes(value) ? 'positive' : f.negativeValues.includes(value) ? 'negative' : undefined;
  if (!polarity) return undefined;
  const offered = (polarity === 'positive' ? f.positive : f.negative).length > 0 || f.comment || (f.callback && polarity === 'negative');
  return offered ? polarity : undefined;
}

const PHONE = /^\+?[0-9 ()-]{7,20}$/;
const EMAIL = /^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$/;

/**
 * After the followed-up answer: "why" (the positive or the negative choices, several may be
 * picked), an optional comment, and after a negative answer an optional callback request that
 * needs the consent box. Every step can be skipped; fires `done` with what the customer gave.
 */
export class FbFollowUp extends LitElement {
  static override properties = {
    followUp: { attribute: false },
    polarity: {},
    stage: { state: true },
    reasons: { state: true },
    invalid: { state: true },
  };
  declare followUp: FollowUp;
  declare polarity: 'positive' | 'negative';
  declare stage: Stage | undefined;
  declare reasons: string[];
  declare invalid: boolean;
  private comment = '';

  constructor() {
    super();
    new LanguageController(this);
    this.reasons = [];
    this.invalid = false;
  }

  static override styles = [
    tokens,
    css`
      :host {
        display: grid;
        gap: var(--fb-space-4);
        justify-items: center;
        max-width: 48rem;
        width: 100%;
        font-size: 1.25rem;
      }
      h2 {
        font-size: clamp(1.6rem, 4vw, 2.4rem);
        margin: 0;
        text-align: center;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: var(--fb-space-3);
        justify-content: center;
      }
      .choices button {
        font: inherit;
        min-height: 64px;
        padding: 0 var(--fb-space-4);
        border-radius: 32px;
        border: 2px solid var(--fb-text-muted);
        background: var(--fb-surface);
        color: var(--fb-text);
      }
      .choices button[aria-pressed='true'] {
        border-color: var(--fb-accent);
        background: var(--fb-accent);
        color: var(--fb-on-accent);
      }
      textarea,
      input[type='text'] {
        font: inherit;
        width: 100%;
        box-sizing: border-box;
        min-height: 56px;
        padding: var(--fb-space-2) var(--fb-space-3);
        border: 2px solid var(--fb-text-muted);
        border-radius: 12px;
        color: var(--fb-text);
        background: var(--fb-surface);
      }
      form {
        display: grid;
        gap: var(--fb-space-4);
        width: 100%;
      }
      label {
        display: grid;
        gap: var(--fb-space-2);
        width: 100%;
        text-align: left;
      }
      label.consent {
        display: flex;
        gap: var(--fb-space-3);
        align-items: flex-start;
      }
      label.consent input {
        width: 32px;
        height: 32px;
        flex: none;
      }
      .next {
        display: flex;
        gap: var(--fb-space-3);
        flex-wrap: wrap;
        justify-content: center;
      }
      .next button {
        font: inherit;
        min-height: 56px;
        min-width: 160px;
        padding: 0 var(--fb-space-4);
        border-radius: 12px;
        border: 0;
        background: var(--fb-accent);
        color: var(--fb-on-accent);
      }
      .next button.plain {
        background: transparent;
        color: var(--fb-text-muted);
        text-decoration: underline;
      }
      .invalid {
        color: var(--fb-negative);
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('followUp') || changed.has('polarity')) this.stage = this.firstStage();
  }

  private get choices() {
    return this.polarity === 'positive' ? this.followUp.positive : this.followUp.negative;
  }

  private firstStage(): Stage | undefined {
    return this.choices.length > 0 ? 'why' : this.stageAfter('why');
  }

  /** The stage after `stage`, or undefined when the follow-up is over. */
  private stageAfter(stage: Stage): Stage | undefined {
    if (stage === 'why' && this.followUp.comment) return 'comment';
    if (stage !== 'callback' && this.followUp.callback && this.polarity === 'negative') return 'callback';
    return undefined;
  }

  private next(contact?: FollowUpNote['contact']): void {
    const following = this.stage && this.stageAfter(this.stage);
    if (following && !contact) {
      this.stage = following;
      return;
    }
    const note: FollowUpNote = {
      reasons: this.reasons,
      ...(this.comment.trim() ? { comment: this.comment.trim() } : {}),
      ...(contact ? { contact } : {}),
    };
    this.dispatchEvent(new CustomEvent<FollowUpNote>('done', { detail: note, bubbles: true, composed: true }));
  }

  private toggle(id: string): void {
    this.reasons = this.reasons.includes(id) ? this.reasons.filter((r) => r !== id) : [...this.reasons, id];
    this.dispatchEvent(new CustomEvent('touched', { bubbles: true, composed: true }));
  }

  private requestCallback(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = String(data.get('contact') ?? '').trim();
    const kind = value.includes('@') ? 'email' : 'phone';
    if (!(kind === 'email' ? EMAIL : PHONE).test(value)) {
      this.invalid = true;
      return;
    }
    this.next({ kind, value, consent: true });
  }

  override render() {
    if (this.stage === 'why')
      return html`<h2 id="why">${t(`kiosk.why.${this.polarity}`)}</h2>
        <div class="choices" role="group" aria-labelledby="why">
          ${this.choices.map((c) => html`<button type="button" data-choice=${c.id} aria-pressed=${this.reasons.includes(c.id) ? 'true' : 'false'} @click=${() => this.toggle(c.id)}>${textIn(c.label, language())}</button>`)}
        </div>
        <div class="next"><button type="button" data-next @click=${() => this.next()}>${t('kiosk.next')}</button></div>`;
    if (this.stage === 'comment')
      return html`<h2>${t('kiosk.comment.title')}</h2>
        <label
          >${t('kiosk.comment.label')}
          <textarea
            name="comment"
            rows="4"
            maxlength="2000"
            @input=${(e: Event) => (this.comment = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </label>
        <div class="next"><button type="button" data-next @click=${() => this.next()}>${t('kiosk.next')}</button></div>`;
    return html`<h2>${t('kiosk.callback.title')}</h2>
      <form @submit=${(e: SubmitEvent) => this.requestCallback(e)}>
        <label
          >${t('kiosk.callback.contact')}
          <input type="text" name="contact" autocomplete="off" required maxlength="254" @input=${() => (this.invalid = false)}
        /></label>
        ${this.invalid ? html`<p class="invalid" role="alert">${t('kiosk.callback.invalid')}</p>` : ''}
        <label class="consent"><input type="checkbox" name="consent" required /> <span>${t('kiosk.callback.consent')}</span></label>
        <div class="next">
          <button type="submit" data-callback>${t('kiosk.callback.send')}</button>
          <button type="button" class="plain" data-no-callback @click=${() => this.next()}>${t('kiosk.callback.no')}</button>
        </div>
      </form>`;
  }
}
customElements.define('fb-follow-up', FbFollowUp);
