import type { BodyOf } from '@feedback/web-base/contract.ts';

type KioskAnswer = BodyOf<'POST /api/kiosk/answers'>['answers'][number];
type KioskNote = Omit<BodyOf<'POST /api/kiosk/notes'>, 'boot'>;

/**
 * One customer's run through the kiosk's survey, as a pure state machine: what is on screen, what
 * was answered, and what to do next (effects) for each event. No DOM, no clock, no timers: the
 * element turns touches and timers into events and carries out the effects (runner below).
 */
export type Polarity = 'positive' | 'negative';
export type FollowUpNote = Omit<KioskNote, 'seq'>;

/** What the run needs to know of the survey. */
export interface RunSurvey {
  /** the question numbers, in the order shown */
  questions: number[];
  /** whether an answer is followed up ("why", a comment, a callback), and as which half */
  followUp(question: number, value: number | null): Polarity | undefined;
  /** after how long without a touch the run ends, and whether what was answered is then sent or dropped */
  idle: { afterSeconds: number; partial: 'submit' | 'discard' };
  thanksMs: number;
}

export type RunScreen =
  /** question `step` on screen; step 0 with nothing answered is the idle start */
  | { kind: 'question'; step: number }
  /** the answer `seq` followed up; `step` is the question shown after it */
  | { kind: 'follow-up'; step: number; seq: number; polarity: Polarity }
  | { kind: 'thank-you' };

export interface RunState {
  screen: RunScreen;
  answers: KioskAnswer[];
  notes: KioskNote[];
}

export type RunEvent =
  /** the question on screen answered (null: skipped), with the identity the terminal gave it and how long it was read */
  | { type: 'answer'; value: number | null; seq: number; uptimeMs: number; readMs: number }
  | { type: 'followed-up'; note: FollowUpNote }
  /** a touch that is no answer (the follow-up's fields): the customer is still there */
  | { type: 'touch' }
  | { type: 'idle-timeout' }
  | { type: 'thanks-over' }
  /** staff take the terminal (the pulse): what was answered is kept, and the run starts over without a thank-you */
  | { type: 'interrupt' }
  /** the page was reloaded mid-run: the run kept before it goes on where it was (only from the start screen) */
  | { type: 'resume'; state: RunState };

export type RunTimer = 'idle' | 'thanks';
export type RunEffect =
  | { type: 'submit'; answers: KioskAnswer[]; notes: KioskNote[] }
  | { type: 'start-timer'; timer: RunTimer; ms: number }
  | { type: 'clear-timer'; timer: RunTimer }
  /** back at the start for a new customer (the terminal's language again) */
  | { type: 'started' }
  /** a thank-you is over: the survey may have changed meanwhile */
  | { type: 'reload-survey' };

export const START: RunState = { screen: { kind: 'question', step: 0 }, answers: [], notes: [] };

/** Nobody is answering: the first question (or nothing) on screen, nothing answered. */
export const atStart = (s: RunState): boolean => s.screen.kind === 'question' && s.screen.step === 0 && s.answers.length === 0;

/** The question index on screen; the number of questions for the thank-you. */
export const stepOf = (s: RunState, survey: RunSurvey): number => (s.screen.kind === 'thank-you' ? survey.questions.length : s.screen.step);

const idleTimer = (survey: RunSurvey): RunEffect => ({ type: 'start-timer', timer: 'idle', ms: survey.idle.afterSeconds * 1000 });

/** Keeps what was answered (sent by the queue), thanks the customer, and starts over. */
function finish(s: RunState, survey: RunSurvey): [RunState, RunEffect[]] {
  const effects: RunEffect[] = [
    { type: 'clear-timer', timer: 'idle' },
    { type: 'submit', answers: s.answers, notes: s.notes },
  ];
  if (s.answers.length === 0) return [START, [...effects, { type: 'started' }]];
  const thanks: RunEffect[] = [
    { type: 'clear-timer', timer: 'thanks' },
    { type: 'start-timer', timer: 'thanks', ms: survey.thanksMs },
  ];
  return [{ screen: { kind: 'thank-you' }, answers: [], notes: [] }, [...effects, ...thanks]];
}

/** The next question, or the end of the run after the last. */
function onward(s: RunState, step: number, survey: RunSurvey): [RunState, RunEffect[]] {
  const next: RunState = { ...s, screen: { kind: 'question', step } };
  return step >= survey.questions.length ? finish(next, survey) : [next, [idleTimer(survey)]];
}

/** The state after an event, and the effects to carry out. */
export function transition(s: RunState, event: RunEvent, survey: RunSurvey): [RunState, RunEffect[]] {
  switch (event.type) {
    case 'answer': {
      if (s.screen.kind !== 'question') return [s, []];
      const question = survey.questions[s.screen.step];
      if (question === undefined) return [s, []];
      const { seq, uptimeMs, value, readMs } = event;
      const answer: KioskAnswer = { seq, uptimeMs, question, value, readMs, run: s.answers[0]?.seq ?? seq };
      const answered: RunState = { ...s, answers: [...s.answers, answer] };
      const step = s.screen.step + 1;
      const polarity = survey.followUp(question, event.value);
      if (polarity) return [{ ...answered, screen: { kind: 'follow-up', step, seq: event.seq, polarity } }, [idleTimer(survey)]];
      return onward(answered, step, survey);
    }
    case 'followed-up': {
      if (s.screen.kind !== 'follow-up') return [s, []];
      const { note } = event;
      const noted = note.reasons.length > 0 || note.comment || note.contact ? [...s.notes, { seq: s.screen.seq, ...note }] : s.notes;
      return onward({ ...s, notes: noted }, s.screen.step, survey);
    }
    case 'touch':
      return s.screen.kind === 'thank-you' ? [s, []] : [s, [idleTimer(survey)]];
    case 'idle-timeout':
      if (s.screen.kind === 'thank-you') return [s, []];
      return finish(survey.idle.partial === 'discard' ? { ...s, answers: [], notes: [] } : s, survey);
    case 'thanks-over':
      return s.screen.kind === 'thank-you' ? [START, [{ type: 'reload-survey' }]] : [s, []];
    case 'resume':
      if (!atStart(s) || event.state.screen.kind === 'thank-you' || event.state.answers.length === 0) return [s, []];
      return [event.state, [idleTimer(survey)]];
    case 'interrupt': {
      const kept: RunEffect[] = s.answers.length > 0 ? [{ type: 'submit', answers: s.answers, notes: s.notes }] : [];
      return [START, [{ type: 'clear-timer', timer: 'idle' }, { type: 'clear-timer', timer: 'thanks' }, ...kept]];
    }
  }
}

/** Timers as the runner needs them (setTimeout in the browser, a fake clock in tests). */
export interface RunTimers {
  set(fire: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/**
 * Drives the machine: holds its state, runs each event's effects, and turns the timers it starts
 * into events. What leaves the run (answers to send, a new customer, a survey to reload) goes to `on`.
 */
export class SurveyRunner {
  state: RunState = START;
  private readonly handles = new Map<RunTimer, unknown>();

  constructor(
    private readonly survey: () => RunSurvey,
    private readonly timers: RunTimers,
    private readonly on: {
      submit(answers: KioskAnswer[], notes: KioskNote[]): void;
      started(): void;
      reloadSurvey(): void;
      changed(): void;
    },
  ) {}

  send(event: RunEvent): void {
    const [next, effects] = transition(this.state, event, this.survey());
    this.state = next;
    for (const effect of effects) this.carryOut(effect);
    this.on.changed();
  }

  /** Stops its timers (the element left the page). */
  stop(): void {
    for (const timer of [...this.handles.keys()]) this.clear(timer);
  }

  private clear(timer: RunTimer): void {
    if (this.handles.has(timer)) this.timers.clear(this.handles.get(timer));
    this.handles.delete(timer);
  }

  private carryOut(effect: RunEffect): void {
    switch (effect.type) {
      case 'start-timer':
        this.clear(effect.timer);
        this.handles.set(
          effect.timer,
          this.timers.set(() => {
            this.handles.delete(effect.timer);
            this.send({ type: effect.timer === 'idle' ? 'idle-timeout' : 'thanks-over' });
          }, effect.ms),
        );
        return;
      case 'clear-timer':
        return this.clear(effect.timer);
      case 'submit':
        return this.on.submit(effect.answers, effect.notes);
      case 'started':
        return this.on.started();
      case 'reload-survey':
        return this.on.reloadSurvey();
    }
  }
}
