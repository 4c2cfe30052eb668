import { describe, expect, it } from 'vitest';
import {
  atStart,
  START,
  stepOf,
  SurveyRunner,
  transition,
  type RunState,
  type RunSurvey,
  type RunTimers,
} from '../kiosk-ui/src/survey-run.ts';
import { forgetRun, keepRun, keptRun, lastSeq, sameSurvey } from '../kiosk-ui/src/kept-run.ts';

// The kiosk's survey run without a browser: the machine alone, then driven with a fake clock.
const SURVEY: RunSurvey = {
  questions: [1, 2, 3],
  // question 2 is followed up: 0 and 1 as negative, 4 as positive
  followUp: (question, value) =>
    question !== 2 || value === null ? undefined : value <= 1 ? 'negative' : value === 4 ? 'positive' : undefined,
  idle: { afterSeconds: 30, partial: 'submit' },
  thanksMs: 4000,
};
let seq = 0;
const answer = (value: number | null) => ({ type: 'answer' as const, value, seq: ++seq, uptimeMs: seq * 1000, readMs: 900 });

/** A clock whose timers fire only when it is moved on. */
class FakeClock implements RunTimers {
  now = 0;
  private pending = new Map<number, { at: number; fire: () => void }>();
  private next = 1;
  set(fire: () => void, ms: number): number {
    const id = this.next++;
    this.pending.set(id, { at: this.now + ms, fire });
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, t]) => t.at <= until).sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.now = due[1].at;
      due[1].fire();
    }
    this.now = until;
  }
  get waiting(): number {
    return this.pending.size;
  }
}

function runner(survey: RunSurvey = SURVEY) {
  const clock = new FakeClock();
  const sent: { answers: number; notes: number; values: (number | null)[] }[] = [];
  const seen = { started: 0, reloads: 0 };
  const run = new SurveyRunner(() => survey, clock, {
    submit: (answers, notes) => sent.push({ answers: answers.length, notes: notes.length, values: answers.map((a) => a.value) }),
    started: () => seen.started++,
    reloadSurvey: () => seen.reloads++,
    changed: () => undefined,
  });
  return { run, clock, sent, seen };
}

describe('the kiosk survey run (state machine)', () => {
  it('goes question by question to the thank-you, and numbers the run by its first answer', () => {
    let s: RunState = START;
    expect(atStart(s)).toBe(true);
    const first = answer(3);
    [s] = transition(s, first, SURVEY);
    expect(s.screen).toEqual({ kind: 'question', step: 1 });
    expect(atStart(s)).toBe(false);
    [s] = transition(s, answer(2), SURVEY);
    const [end, effects] = transition(s, answer(null), SURVEY);
    expect(end.screen).toEqual({ kind: 'thank-you' });
    expect(stepOf(end, SURVEY)).toBe(3);
    const submit = effects.find((e) => e.type === 'submit');
    expect(submit?.type === 'submit' && submit.answers.map((a) => [a.question, a.value, a.run])).toEqual([
      [1, 3, first.seq],
      [2, 2, first.seq],
      [3, null, first.seq],
    ]);
    expect(effects).toContainEqual({ type: 'start-timer', timer: 'thanks', ms: 4000 });
  });

  it('follows up a negative answer, keeps its note on that answer, then goes on', () => {
    let s: RunState = START;
    [s] = transition(s, answer(3), SURVEY);
    const followed = answer(0);
    [s] = transition(s, followed, SURVEY);
    expect(s.screen).toEqual({ kind: 'follow-up', step: 2, seq: followed.seq, polarity: 'negative' });
    // an answer while the follow-up is on screen is not the customer's: ignored
    expect(transition(s, answer(4), SURVEY)[0]).toBe(s);
    [s] = transition(s, { type: 'followed-up', note: { reasons: ['queue'], comment: 'slow' } }, SURVEY);
    expect(s.screen).toEqual({ kind: 'question', step: 2 });
    expect(s.notes).toEqual([{ seq: followed.seq, reasons: ['queue'], comment: 'slow' }]);
  });

  it('keeps no note when the follow-up was left empty', () => {
    let s: RunState = START;
    [s] = transition(s, answer(3), SURVEY);
    [s] = transition(s, answer(4), SURVEY);
    expect(s.screen.kind).toBe('follow-up');
    [s] = transition(s, { type: 'followed-up', note: { reasons: [] } }, SURVEY);
    expect(s.notes).toEqual([]);
  });

  it('after the idle time sends what was answered, thanks, and starts over when the thank-you is over', () => {
    const { run, clock, sent, seen } = runner();
    run.send(answer(3));
    clock.advance(29_000);
    expect(sent).toEqual([]);
    run.send(answer(2)); // each answer restarts the idle time
    clock.advance(29_000);
    expect(sent).toEqual([]);
    clock.advance(1000);
    expect(sent).toEqual([{ answers: 2, notes: 0, values: [3, 2] }]);
    expect(run.state.screen).toEqual({ kind: 'thank-you' });
    clock.advance(4000);
    expect(run.state).toEqual(START);
    expect(seen.reloads).toBe(1);
    expect(clock.waiting).toBe(0);
  });

  it("drops a half-answered run at the idle time when the survey says so, and greets the next customer in the terminal's language", () => {
    const { run, clock, sent, seen } = runner({ ...SURVEY, idle: { afterSeconds: 10, partial: 'discard' } });
    run.send(answer(3));
    clock.advance(10_000);
    expect(sent).toEqual([{ answers: 0, notes: 0, values: [] }]);
    expect(run.state).toEqual(START);
    expect(seen.started).toBe(1);
  });

  it('a touch on the follow-up keeps the customer there', () => {
    const { run, clock, sent } = runner();
    run.send(answer(3));
    run.send(answer(0));
    clock.advance(25_000);
    run.send({ type: 'touch' });
    clock.advance(25_000);
    expect(sent).toEqual([]);
    expect(run.state.screen.kind).toBe('follow-up');
  });

  it('staff taking the terminal keep what was answered and start the run over without a thank-you or a timer left', () => {
    const { run, clock, sent } = runner();
    run.send(answer(3));
    run.send({ type: 'interrupt' });
    expect(sent).toEqual([{ answers: 1, notes: 0, values: [3] }]);
    expect(run.state).toEqual(START);
    expect(clock.waiting).toBe(0);
    // with nothing answered, nothing is sent
    run.send({ type: 'interrupt' });
    expect(sent).toHaveLength(1);
  });

  it('stops its timers when the terminal page goes', () => {
    const { run, clock, sent } = runner();
    run.send(answer(3));
    run.stop();
    clock.advance(60_000);
    expect(sent).toEqual([]);
  });
});

describe('a run kept across a page reload', () => {
  /** The browser's localStorage as a plain map (the platform's storage, not our code). */
  const memoryStorage = () => {
    const items = new Map<string, string>();
    return {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    };
  };

  it('goes on where it was after the reload: later answers carry the same run, and the whole run is sent once', () => {
    const before = runner();
    const first = answer(3);
    before.run.send(first);
    before.run.send(answer(0)); // followed up: the follow-up is on screen
    const storage = memoryStorage();
    keepRun(storage, { surveyId: 's', questions: SURVEY.questions, boot: 7, bootWallMs: 1000, state: before.run.state });
    before.run.stop(); // the page goes

    const kept = keptRun(storage)!;
    expect(kept.boot).toBe(7);
    expect(lastSeq(kept)).toBe(first.seq + 1);
    expect(sameSurvey(kept, { id: 's', questions: [1, 2, 3] })).toBe(true);
    const after = runner();
    after.run.send({ type: 'resume', state: kept.state });
    expect(after.run.state.screen).toEqual({ kind: 'follow-up', step: 2, seq: first.seq + 1, polarity: 'negative' });
    after.run.send({ type: 'followed-up', note: { reasons: ['queue'] } });
    const last = answer(5);
    after.run.send(last);
    expect(after.sent).toEqual([{ answers: 3, notes: 1, values: [3, 0, 5] }]);
    // the idle time runs again after the reload: the customer who left does not hold the terminal
    expect(after.clock.waiting).toBe(1);
  });

  it("carries the first answer's seq as run on every answer given after the reload", () => {
    const storage = memoryStorage();
    let s: RunState = START;
    const first = answer(3);
    [s] = transition(s, first, SURVEY);
    keepRun(storage, { surveyId: 's', questions: SURVEY.questions, boot: 2, bootWallMs: 0, state: s });
    let resumed: RunState;
    [resumed] = transition(START, { type: 'resume', state: keptRun(storage)!.state }, SURVEY);
    [resumed] = transition(resumed, answer(3), SURVEY);
    const [, effects] = transition(resumed, answer(2), SURVEY);
    const submit = effects.find((e) => e.type === 'submit');
    expect(submit?.type === 'submit' && submit.answers.map((a) => a.run)).toEqual([first.seq, first.seq, first.seq]);
  });

  it('resumes only from the start screen, and never a finished run or an empty one', () => {
    let s: RunState = START;
    [s] = transition(s, answer(3), SURVEY);
    expect(transition(s, { type: 'resume', state: s }, SURVEY)[0]).toBe(s);
    expect(transition(START, { type: 'resume', state: { ...s, screen: { kind: 'thank-you' } } }, SURVEY)[0]).toBe(START);
    expect(transition(START, { type: 'resume', state: START }, SURVEY)[0]).toBe(START);
  });

  it('does not go on in a changed survey, keeps nothing without answers, and reads nothing from garbage', () => {
    const storage = memoryStorage();
    const [s] = transition(START, answer(3), SURVEY);
    keepRun(storage, { surveyId: 's', questions: [1, 2, 3], boot: 1, bootWallMs: 0, state: s });
    const kept = keptRun(storage)!;
    expect(sameSurvey(kept, { id: 's', questions: [1, 3, 2] })).toBe(false);
    expect(sameSurvey(kept, { id: 'other', questions: [1, 2, 3] })).toBe(false);
    forgetRun(storage);
    expect(keptRun(storage)).toBeUndefined();
    keepRun(storage, { surveyId: 's', questions: [1], boot: 1, bootWallMs: 0, state: START });
    expect(keptRun(storage)).toBeUndefined();
    storage.setItem('fb-kiosk-run', '{not json');
    expect(keptRun(storage)).toBeUndefined();
  });
});
