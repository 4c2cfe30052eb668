import { describe, expect, it } from 'vitest';
import {
  responseContributions,
  staffContributions,
  withAnswer,
  type ResponseAnswer,
  type ResponseState,
} from '../src/platform/rollups/response-state.ts';

const T = Date.UTC(2026, 5, 1, 10);
const answer = (
  questionId: string,
  scale: string,
  value: number | null,
  at: number,
  extra: Partial<ResponseAnswer> = {},
): ResponseAnswer => ({
  siteId: 's',
  pointId: 'p',
  deviceId: 'k',
  staffId: null,
  surveyId: 'exit',
  questionId,
  scale,
  value,
  occurredAt: at,
  misuse: false,
  headline: false,
  source: 'kiosk',
  ...extra,
});
const fold = (answers: ResponseAnswer[]): ResponseState =>
  answers.reduce<ResponseState | undefined>((s, a) => withAnswer(s, 'k/1/r1', a), undefined)!;

describe('a response folded from its answers', () => {
  const run = [
    answer('wait', 'smiley4', 0, T, { headline: true, staffId: 'ann' }),
    answer('staff', 'csat5', 2, T + 10_000, { staffId: 'bob' }),
    answer('recommend', 'nps11', null, T + 20_000),
  ];

  it('takes its time and place from its earliest answer, whatever the order', () => {
    for (const order of [run, [...run].reverse(), [run[1]!, run[0]!, run[2]!]]) {
      expect(fold(order)).toEqual({
        key: 'k/1/r1',
        siteId: 's',
        pointId: 'p',
        deviceId: 'k',
        staffId: 'ann',
        surveyId: 'exit',
        source: 'kiosk',
        occurredAt: T,
        counted: true,
        polarity: -1,
        misuse: false,
        questions: ['staff', 'wait'],
        // the skipped answer (no one on shift) gives no part
        staff: [
          { staffId: 'ann', counted: true, questions: ['wait'] },
          { staffId: 'bob', counted: true, questions: ['staff'] },
        ],
      });
    }
  });

  it('reads polarity on each scale from the headline answer only', () => {
    const cases: [string, number, -1 | 0 | 1][] = [
      ['smiley4', 1, -1],
      ['smiley4', 2, 1],
      ['smiley5', 2, 0],
      ['smiley5', 3, 1],
      ['nps11', 6, -1],
      ['nps11', 7, 0],
      ['nps11', 9, 1],
      ['csat5', 2, -1],
      ['csat5', 3, 0],
      ['csat5', 4, 1],
      ['ces7', 3, -1],
      ['ces7', 4, 0],
      ['ces7', 5, 1],
    ];
    for (const [scale, value, expected] of cases) {
      expect(fold([answer('q', scale, value, T, { headline: true })]).polarity, `${scale} ${value}`).toBe(expected);
      expect(fold([answer('q', scale, value, T)]).polarity).toBe(0);
    }
  });

  it('is neither negative nor positive when its headline is skipped or misuse, yet counted by its other answers', () => {
    const skipped = fold([answer('wait', 'smiley4', null, T, { headline: true }), answer('staff', 'csat5', 1, T + 1)]);
    expect(skipped).toMatchObject({ counted: true, polarity: 0, misuse: false, questions: ['staff'] });
    const misused = fold([answer('wait', 'smiley4', 0, T, { headline: true, misuse: true }), answer('staff', 'csat5', 1, T + 1)]);
    expect(misused).toMatchObject({ counted: true, polarity: 0, misuse: false, questions: ['staff'] });
  });

  it('is misuse only while none of its answers counts', () => {
    const misuse = fold([answer('wait', 'smiley4', 3, T, { headline: true, misuse: true }), answer('staff', 'csat5', null, T + 1)]);
    expect(misuse).toMatchObject({ counted: false, misuse: true, polarity: 0 });
    expect(responseContributions(misuse)).toEqual([{ questionId: '', responses: 0, negative: 0, positive: 0, misuse: 1 }]);
    const onlySkipped = fold([answer('wait', 'smiley4', null, T, { headline: true }), answer('staff', 'csat5', null, T + 1)]);
    expect(onlySkipped).toMatchObject({ counted: false, misuse: false });
    expect(responseContributions(onlySkipped)).toEqual([]);
  });

  it('adds one row for the response and one per counted question, each with the response polarity', () => {
    expect(responseContributions(fold(run))).toEqual([
      { questionId: '', responses: 1, negative: 1, positive: 0, misuse: 0 },
      { questionId: 'staff', responses: 1, negative: 1, positive: 0, misuse: 0 },
      { questionId: 'wait', responses: 1, negative: 1, positive: 0, misuse: 0 },
    ]);
  });

  it('belongs to each person on shift at one of its counted answers, never by a skipped one', () => {
    // a run that crosses a shift change: its first (headline) answer skipped on ann's shift, the rest counted on bob's
    const crossing = fold([
      answer('wait', 'smiley4', null, T, { headline: true, staffId: 'ann' }),
      answer('staff', 'csat5', 1, T + 10_000, { staffId: 'bob' }),
      answer('recommend', 'nps11', 2, T + 20_000, { staffId: 'bob' }),
    ]);
    expect(crossing).toMatchObject({ staffId: 'ann', counted: true, polarity: 0, staff: [{ staffId: 'bob', counted: true }] });
    expect(staffContributions(crossing)).toEqual([
      { staffId: 'bob', questionId: '', responses: 1, negative: 0, positive: 0, misuse: 0 },
      { staffId: 'bob', questionId: 'recommend', responses: 1, negative: 0, positive: 0, misuse: 0 },
      { staffId: 'bob', questionId: 'staff', responses: 1, negative: 0, positive: 0, misuse: 0 },
    ]);
    // counted on both shifts: once for each, each row with the headline's polarity (ann's 0 → negative)
    expect(staffContributions(fold(run))).toEqual([
      { staffId: 'ann', questionId: '', responses: 1, negative: 1, positive: 0, misuse: 0 },
      { staffId: 'ann', questionId: 'wait', responses: 1, negative: 1, positive: 0, misuse: 0 },
      { staffId: 'bob', questionId: '', responses: 1, negative: 1, positive: 0, misuse: 0 },
      { staffId: 'bob', questionId: 'staff', responses: 1, negative: 1, positive: 0, misuse: 0 },
    ]);
  });

  it('counts as misuse for those on shift at its misuse answers, and for no one once another answer counts', () => {
    const misuse = fold([
      answer('wait', 'smiley4', 3, T, { headline: true, misuse: true, staffId: 'ann' }),
      answer('staff', 'csat5', null, T + 1, { staffId: 'bob' }),
    ]);
    expect(staffContributions(misuse)).toEqual([{ staffId: 'ann', questionId: '', responses: 0, negative: 0, positive: 0, misuse: 1 }]);
    const counted = withAnswer(misuse, 'k/1/r1', answer('clean', 'csat5', 5, T + 2, { staffId: 'bob' }));
    // ann's misuse answer gives her no part in a counted response; bob's counted one does
    expect(staffContributions(counted)).toEqual([
      { staffId: 'bob', questionId: '', responses: 1, negative: 0, positive: 0, misuse: 0 },
      { staffId: 'bob', questionId: 'clean', responses: 1, negative: 0, positive: 0, misuse: 0 },
    ]);
    // no one on shift: the part of '' (the staff breakdown's "unassigned")
    expect(staffContributions(fold([answer('q', 'smiley4', 3, T, { headline: true })]))).toEqual([
      { staffId: '', questionId: '', responses: 1, negative: 0, positive: 1, misuse: 0 },
      { staffId: '', questionId: 'q', responses: 1, negative: 0, positive: 1, misuse: 0 },
    ]);
  });
});
