import { LitElement, css, html } from 'lit';
import { questionStep } from './question-step.ts';
import { api, ApiError } from '@feedback/web-base/api-client.ts';
import { deviceToken, forgetDeviceToken } from '@feedback/web-base/device-token.ts';
import { textIn } from '@feedback/web-base/localized.ts';
import { LanguageController, LANGUAGE_NAMES, LANGUAGES, language, setLanguage, t } from '@feedback/web-base/i18n.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import { LiveController } from '@feedback/web-base/live-controller.ts';
import { AnswerQueue } from './answer-queue.ts';
import type { KioskSurvey } from '@feedback/web-base/contract.ts';
import { followUpPolarity, type FollowUpNote } from './fb-follow-up.ts';
import { atStart, stepOf, SurveyRunner, type RunSurvey } from './survey-run.ts';
import { TerminalIdentity } from './terminal-identity.ts';
import { forgetRun, keepRun, keptRun, lastSeq, sameSurvey, type KeptRun } from './kept-run.ts';
import { kioskSurvey } from './data/kiosk.ts';
import { scaleShape } from './fb-scale-question.ts';
import './fb-scale-question.ts';
import '@feedback/web-base/components/fb-pair.ts';

const TOKEN_KEY = 'fb-kiosk-token';
const SURVEY_KEY = 'fb-kiosk-survey';
const THANKS_MS = 4000;
/** How long staff hold the corner's staff button to open the pulse: a customer's tap opens nothing. */
export const STAFF_HOLD_MS = 2000;

type Survey = KioskSurvey;

/** A random key (crypto.randomUUID needs a secure context; a kiosk may reach the gateway over plain HTTP on the LAN). */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The touch survey terminal. Paired by a kiosk token given once after '#token='. Shows its
 * survey's questions one at a time, each on its scale; every answer is kept in IndexedDB before
 * it is sent, so the gateway being away (or a reload) loses nothing and sends nothing twice.
 * The customer never sees a technical message; staff see, in a corner, that answers are waiting.
 */
export class FbKiosk extends LitElement {
  static override properties = { survey: { state: true }, problem: { state: true }, pulse: { state: true }, holding: { state: true } };
  declare survey: Survey | undefined;
  /** the staff pulse in progress (its first answer, once given), when staff opened it */
  declare pulse: { step: 0 | 1 | 2; enps: number | null } | undefined;
  declare problem: string;
  /** staff are holding the staff button (it fills while they hold) */
  declare holding: boolean;
  private hold: ReturnType<typeof setTimeout> | undefined;
  private readonly token = deviceToken(TOKEN_KEY);
  /** the run in progress before a reload, until the survey is known and it goes on (or ends) */
  private kept: KeptRun | undefined = keptRun(localStorage);
  private readonly identity = new TerminalIdentity(
    this.kept && { boot: this.kept.boot, bootWallMs: this.kept.bootWallMs, seq: lastSeq(this.kept) },
  );
  private readonly queue = new AnswerQueue(() => this.requestUpdate());
  /** the customer's run through the survey (survey-run.ts): what is on screen, what was answered, its timers */
  private readonly run = new SurveyRunner(
    () => this.runSurvey(),
    { set: (fire, ms) => setTimeout(fire, ms), clear: (h) => clearTimeout(h as number) },
    {
      // the kept run is forgotten only once the queue holds its answers durably
      submit: (answers, notes) =>
        void this.queue.add(this.identity.boot, this.identity.bootWallMs, answers, notes).finally(() => this.keepRun()),
      started: () => this.defaultLanguage(),
      reloadSurvey: () => void this.loadSurvey(),
      changed: () => {
        if (this.run.state.answers.length > 0) this.keepRun();
        this.requestUpdate();
      },
    },
  );
  /** when the question on screen appeared (performance.now()), for how long it was read */
  private shownAt = performance.now();
  /** the staff pulse's timers (the customer's run keeps its own) */
  private idle: ReturnType<typeof setTimeout> | undefined;
  private thanks: ReturnType<typeof setTimeout> | undefined;
  private readonly online = () => void this.queue.flush();

  constructor() {
    super();
    new LanguageController(this);
    this.problem = this.token ? '' : 'kiosk.notPaired';
    this.holding = false;
    api.setBearerToken(this.token);
    // An edited survey reaches the terminal at once when nobody is answering, else after the thank-you.
    if (this.token) new LiveController(this, 'settings', () => this.atStart() && void this.loadSurvey(), { token: this.token });
  }

  /** Keeps the run in progress for a reload (or forgets it once nothing is in progress). */
  private keepRun(): void {
    const state = this.run.state;
    const survey = this.survey?.survey;
    if (this.kept) return; // the run from before the reload still waits for the survey
    if (!survey || state.answers.length === 0 || state.screen.kind === 'thank-you') return forgetRun(localStorage);
    const { boot, bootWallMs } = this.identity;
    keepRun(localStorage, { surveyId: survey.id, questions: this.runSurvey().questions, boot, bootWallMs, state });
  }

  /**
   * The survey is known: the run kept before a reload goes on where it was, with its run id and
   * boot; if the survey changed meanwhile (or the boot could not go on), it ends as a half-answered response.
   */
  private resumeKept(): void {
    const kept = this.kept;
    const survey = this.survey?.survey;
    if (!kept || !survey) return;
    this.kept = undefined;
    const goesOn =
      kept.boot === this.identity.boot && this.atStart() && sameSurvey(kept, { id: survey.id, questions: this.runSurvey().questions });
    if (goesOn) return this.run.send({ type: 'resume', state: kept.state });
    void this.queue.add(kept.boot, kept.bootWallMs, kept.state.answers, kept.state.notes).finally(() => this.keepRun());
  }

  /** Each new customer starts in the terminal's language (when it has one); they may switch. */
  private defaultLanguage(): void {
    const wanted = this.survey?.language;
    if (wanted && wanted !== language()) void setLanguage(wanted);
  }

  /** Nobody is answering: the first question (or nothing) on screen, nothing answered. */
  private atStart(): boolean {
    return atStart(this.run.state) && !this.pulse;
  }

  private runSurvey(): RunSurvey {
    const survey = this.survey?.survey;
    return {
      questions: this.questions.map((q) => q.number),
      followUp: (question, value) => followUpPolarity(survey?.followUp, question, value),
      idle: survey?.idle ?? { afterSeconds: 30, partial: 'submit' },
      thanksMs: THANKS_MS,
    };
  }

  static override styles = [
    tokens,
    css`
      :host {
        display: grid;
        grid-template-rows: auto 1fr auto;
        min-height: 100vh;
        background: var(--fb-surface);
        color: var(--fb-text);
        font-size: 1.2rem;
      }
      header {
        display: flex;
        justify-content: flex-end;
        gap: var(--fb-space-2);
        padding: var(--fb-space-3);
      }
      header button {
        font: inherit;
        font-size: 1.1rem;
        min-height: 48px;
        min-width: 48px;
        padding: 0 var(--fb-space-3);
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
        padding: var(--fb-space-4) var(--fb-space-3);
        text-align: center;
        min-width: 0;
      }
      .question {
        width: 100%;
        max-width: 75rem;
      }
      /* a standing customer's finger: options up to 7rem, never under 64 px high */
      fb-scale-question {
        --fb-option-max: 7rem;
        --fb-option-height: 64px;
        --fb-face-max: 8rem;
      }
      .skip {
        font: inherit;
        font-size: 1.2rem;
        margin-top: var(--fb-space-5);
        min-height: 48px;
        padding: 0 var(--fb-space-4);
        border: 0;
        background: transparent;
        color: var(--fb-text-muted);
        text-decoration: underline;
      }
      .thanks {
        font-size: clamp(2rem, 6vw, 3.5rem);
        font-weight: 700;
        color: var(--fb-positive);
      }
      .progress {
        color: var(--fb-text-muted);
        font-size: 1.1rem;
      }
      footer {
        display: flex;
        justify-content: flex-end;
        align-items: center;
        gap: var(--fb-space-3);
        min-height: 48px;
        padding: var(--fb-space-2) var(--fb-space-3);
        font-size: 1.1rem;
        color: var(--fb-text-muted);
      }
      /* for staff only: small, muted, and it opens only when held (STAFF_HOLD_MS), filling as it is held */
      footer .staff {
        font: inherit;
        font-size: var(--fb-text-s);
        min-height: 44px;
        padding: 0 var(--fb-space-2);
        border: 0;
        border-radius: 8px;
        background: linear-gradient(var(--fb-border), var(--fb-border)) left / 0% 100% no-repeat var(--fb-surface);
        color: var(--fb-text-muted);
        user-select: none;
        -webkit-user-select: none;
        -webkit-touch-callout: none;
        touch-action: none;
      }
      footer .staff.holding {
        background-size: 100% 100%;
        transition: background-size ${STAFF_HOLD_MS}ms linear;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.online);
    if (!this.token) return;
    void this.loadSurvey();
    void this.queue.flush();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.online);
    clearTimeout(this.idle);
    clearTimeout(this.thanks);
    clearTimeout(this.hold);
    this.run.stop();
    this.queue.stop();
  }

  /** The survey from the gateway, or the last one seen when the gateway is away. */
  private async loadSurvey(): Promise<void> {
    try {
      this.survey = await kioskSurvey();
      localStorage.setItem(SURVEY_KEY, JSON.stringify(this.survey));
      this.problem = '';
      if (this.atStart() && !this.kept) this.defaultLanguage();
      this.resumeKept();
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      if (status === 401 || status === 403) {
        forgetDeviceToken(TOKEN_KEY);
        this.problem = 'kiosk.notPaired';
        return;
      }
      const kept = localStorage.getItem(SURVEY_KEY);
      if (kept) {
        this.survey = JSON.parse(kept) as Survey;
        this.resumeKept();
      } else this.problem = status === 404 ? 'kiosk.noSurvey' : 'kiosk.unavailable';
    }
  }

  private get questions(): Survey['survey']['questions'] {
    return (this.survey?.survey.questions ?? []).filter((q) => scaleShape(q.scale) !== undefined);
  }

  /** The staff pulse ends after the survey's idle time without a touch; what was answered is kept. */
  private pulseTouched(): void {
    clearTimeout(this.idle);
    const afterSeconds = this.survey?.survey.idle.afterSeconds ?? 30;
    this.idle = setTimeout(() => this.abandonPulse(), afterSeconds * 1000);
  }

  private answer(value: number | null): void {
    const identity = this.identity.next();
    this.run.send({ type: 'answer', value, ...identity, readMs: Math.max(0, Math.round(performance.now() - this.shownAt)) });
  }

  private followedUp(note: FollowUpNote): void {
    this.run.send({ type: 'followed-up', note });
  }

  /** Staff start holding the staff button: the pulse opens if they still hold it after STAFF_HOLD_MS. */
  private holdStart(e: PointerEvent): void {
    if (e.button !== 0) return;
    clearTimeout(this.hold);
    this.holding = true;
    this.hold = setTimeout(() => {
      this.holdEnd();
      this.openPulse();
    }, STAFF_HOLD_MS);
  }

  private holdEnd(): void {
    clearTimeout(this.hold);
    this.hold = undefined;
    this.holding = false;
  }

  /** Staff open the pulse from the corner; the customer's survey waits (anything answered is kept first). */
  private openPulse(): void {
    this.run.send({ type: 'interrupt' });
    clearTimeout(this.thanks);
    this.pulse = { step: 0, enps: null };
    this.pulseTouched();
  }

  private answerPulse(value: number | null): void {
    if (!this.pulse) return;
    if (this.pulse.step === 0) {
      this.pulse = { step: 1, enps: value };
      this.pulseTouched();
      return;
    }
    const { enps } = this.pulse;
    if (enps !== null || value !== null) void this.queue.addPulse({ key: randomKey(), enps, drained: value });
    this.pulse = { step: 2, enps };
    clearTimeout(this.idle);
    clearTimeout(this.thanks);
    this.thanks = setTimeout(() => (this.pulse = undefined), THANKS_MS);
  }

  /** An abandoned pulse: what was answered is kept, anonymously, like a finished one. */
  private abandonPulse(): void {
    if (this.pulse?.step === 1 && this.pulse.enps !== null)
      void this.queue.addPulse({ key: randomKey(), enps: this.pulse.enps, drained: null });
    this.pulse = undefined;
  }

  override updated(): void {
    // Each question the customer sees starts its reading time when it is on screen.
    const screen = this.run.state.screen;
    const key = `${stepOf(this.run.state, this.runSurvey())}:${screen.kind === 'follow-up' ? 'f' : ''}:${this.pulse ? 'p' : ''}`;
    if (key !== this.shownKey) {
      this.shownKey = key;
      this.shownAt = performance.now();
    }
  }

  private shownKey = '';

  override render() {
    const { waiting, reachable } = this.queue.state;
    return html`
      <header>
        ${LANGUAGES.map(
          (l) =>
            html`<button type="button" lang=${l} aria-pressed=${l === language() ? 'true' : 'false'} @click=${() => void setLanguage(l)}>
              ${LANGUAGE_NAMES[l]}
            </button>`,
        )}
      </header>
      <main>${this.body()}</main>
      <footer>
        <span data-testid="queue"
          >${waiting > 0 ? t('kiosk.waiting', { count: waiting }) : ''}${!reachable ? ` · ${t('kiosk.offline')}` : ''}</span
        >
        ${this.staffButton()}
      </footer>
    `;
  }

  /**
   * The staff pulse's way in: only while nobody is answering (the first question on screen, nothing
   * answered, or no survey at all), small, named for staff, and opened by holding it (a customer's tap does nothing);
   * a keyboard's Enter or Space (a click with no pointer) opens it at once.
   */
  private staffButton() {
    if (this.problem === 'kiosk.notPaired' || this.pulse || (this.survey && !this.atStart())) return '';
    return html`<button
      type="button"
      class=${this.holding ? 'staff holding' : 'staff'}
      data-pulse
      @pointerdown=${(e: PointerEvent) => this.holdStart(e)}
      @pointerup=${() => this.holdEnd()}
      @pointerleave=${() => this.holdEnd()}
      @pointercancel=${() => this.holdEnd()}
      @contextmenu=${(e: Event) => e.preventDefault()}
      @click=${(e: MouseEvent) => e.detail === 0 && this.openPulse()}
    >
      ${t('pulse.hold')}
    </button>`;
  }

  private body() {
    // a terminal without a (valid) token: staff pair it with a code; the page starts again paired
    if (this.problem === 'kiosk.notPaired') return html`<fb-pair .storageKey=${TOKEN_KEY} @paired=${() => location.reload()}></fb-pair>`;
    if (this.pulse) return this.pulseBody(this.pulse);
    if (this.problem && !this.survey) return html`<p role="alert">${t(this.problem)}</p>`;
    const questions = this.questions;
    if (!this.survey) return html``;
    const f = this.survey.survey.followUp;
    const screen = this.run.state.screen;
    if (screen.kind === 'follow-up' && f)
      return html`<fb-follow-up
        .followUp=${f}
        .polarity=${screen.polarity}
        @touched=${() => this.run.send({ type: 'touch' })}
        @done=${(e: CustomEvent<FollowUpNote>) => this.followedUp(e.detail)}
      ></fb-follow-up>`;
    const step = stepOf(this.run.state, this.runSurvey());
    if (step >= questions.length) return html`<p class="thanks" role="status" data-testid="thanks">${t('kiosk.thanks')}</p>`;
    const q = questions[step]!;
    return questionStep(
      {
        key: q.number,
        progress: t('kiosk.progress', { current: step + 1, total: questions.length }),
        label: textIn(q.label, language()),
        scale: q.scale,
      },
      (value) => this.answer(value),
    );
  }

  private pulseBody(pulse: NonNullable<FbKiosk['pulse']>) {
    if (pulse.step === 2) return html`<p class="thanks" role="status" data-testid="pulse-thanks">${t('pulse.thanks')}</p>`;
    const [scale, label] = pulse.step === 0 ? ['nps11', t('pulse.enps')] : ['drained5', t('pulse.drained')];
    return questionStep(
      { key: `pulse-${pulse.step}`, progress: `${t('pulse.title')} · ${t('pulse.anonymous')}`, label, scale, pulseStep: pulse.step },
      (value) => this.answerPulse(value),
    );
  }
}
customElements.define('fb-kiosk', FbKiosk);
