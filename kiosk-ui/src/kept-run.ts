import type { RunState } from './survey-run.ts';

/**
 * The survey run in progress, kept in the browser's storage after every answer, so a reload
 * mid-run loses nothing: the answers given after it carry the same run (and boot) and the run goes
 * on where it was; if the survey changed meanwhile, the kept run ends as a half-answered response.
 * (Answers leave the run only at its end, into the answer queue, which keeps its own copy.)
 */
export interface KeptRun {
  /** the survey it was a run of, and its questions in order: the run goes on only in that same survey */
  surveyId: string;
  questions: number[];
  /** the terminal's boot the run's answers belong to (its response is device/boot/r<run>) */
  boot: number;
  bootWallMs: number;
  state: RunState;
}

/** What storage the keeper needs (localStorage in the browser). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY = 'fb-kiosk-run';

const isRunState = (x: unknown): x is RunState => {
  const s = x as RunState | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.screen === 'object' &&
    s.screen !== null &&
    ['question', 'follow-up'].includes(s.screen.kind) &&
    Array.isArray(s.answers) &&
    s.answers.length > 0 &&
    s.answers.every((a) => Number.isInteger(a.seq) && Number.isInteger(a.run)) &&
    Array.isArray(s.notes)
  );
};

/** The run kept before the reload, if a readable one is there. */
export function keptRun(storage: KeyValueStorage): KeptRun | undefined {
  try {
    const kept = JSON.parse(storage.getItem(KEY) ?? 'null') as KeptRun | null;
    if (
      kept &&
      typeof kept.surveyId === 'string' &&
      Array.isArray(kept.questions) &&
      Number.isInteger(kept.boot) &&
      Number.isFinite(kept.bootWallMs) &&
      isRunState(kept.state)
    )
      return kept;
  } catch {
    // unreadable: as if nothing was kept
  }
  return undefined;
}

/** Keeps a run in progress (one with answers, not yet thanked); a run without answers is nothing to keep. */
export function keepRun(storage: KeyValueStorage, run: KeptRun): void {
  if (isRunState(run.state)) storage.setItem(KEY, JSON.stringify(run));
}

export function forgetRun(storage: KeyValueStorage): void {
  storage.removeItem(KEY);
}

/** The last seq the kept run used: the terminal's identity goes on after it. */
export const lastSeq = (run: KeptRun): number => Math.max(...run.state.answers.map((a) => a.seq));

/** Whether the kept run can go on in the survey now on the terminal: the same survey with the same questions in the same order. */
export const sameSurvey = (run: KeptRun, survey: { id: string; questions: number[] }): boolean =>
  run.surveyId === survey.id &&
  run.questions.length === survey.questions.length &&
  run.questions.every((q, i) => q === survey.questions[i]);
