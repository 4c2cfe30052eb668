import { describe, expect, it } from 'vitest';
import { ces, csat, csi, nps, positiveShare } from '../src/modules/indices/math/rating-indices.ts';
import { polarity } from '../src/core/scale.ts';
import { criticality, responseRate, support } from '../src/modules/indices/math/traffic-indices.ts';
import { emotionalEngagement, emotionalNps, entryExitShift } from '../src/modules/indices/math/emotion-indices.ts';
import { emptyEmotionCounts } from '../src/core/emotion-counts.ts';
import { wilson } from '../src/modules/indices/math/intervals.ts';

const counts = (entries: [number, number][]) => new Map(entries);

describe('NPS', () => {
  it('is 100 for one promoter; skipped answers never reach it (METRICS.md check value)', () => {
    const result = nps(counts([[10, 1]]), 1);
    expect(result.value).toBe(100);
    expect(result.n).toBe(1);
  });

  it('is 100·(P − D) with the adjusted Wald interval', () => {
    // 50 promoters, 30 passives, 20 detractors: NPS 30.
    const c = counts([
      [10, 50],
      [8, 30],
      [3, 20],
    ]);
    const r = nps(c, 30);
    expect(r.value).toBeCloseTo(30, 10);
    const n1 = 103;
    const p = 50.75 / n1;
    const d = 20.75 / n1;
    const half = 1.959964 * Math.sqrt((p + d - (p - d) ** 2) / n1);
    expect(r.ci![0]).toBeCloseTo(100 * (p - d - half), 8);
    expect(r.ci![1]).toBeCloseTo(100 * (p - d + half), 8);
    expect(r.extra).toEqual({ promoters: 50, detractors: 20 });
  });

  it('has no value without answers', () => {
    expect(nps(counts([]), 30)).toEqual({
      value: null,
      n: 0,
      unit: 'answers',
      ci: null,
      enough: false,
      extra: { promoters: 0, detractors: 0 },
    });
  });
});

describe('CSAT, CES, positive share', () => {
  it('CSAT is the share of 4–5 with a Wilson interval, and the mean', () => {
    const r = csat(
      counts([
        [5, 6],
        [4, 2],
        [3, 1],
        [1, 1],
      ]),
      5,
    );
    expect(r.value).toBeCloseTo(80, 10);
    expect(r.extra!.mean).toBeCloseTo(4.2, 10);
    const [lo, hi] = wilson(8, 10)!;
    expect(r.ci).toEqual([100 * lo, 100 * hi]);
    // Wilson for 8/10 from the textbook formula: 0.4902 .. 0.9433
    expect(lo).toBeCloseTo(0.4902, 4);
    expect(hi).toBeCloseTo(0.9433, 4);
  });

  it('CES is the mean with a t interval, and the share of 5–7', () => {
    const r = ces(
      counts([
        [7, 2],
        [5, 1],
        [1, 1],
      ]),
      1,
    );
    expect(r.value).toBeCloseTo(5, 10);
    expect(r.extra!.easyShare).toBe(75);
    // s = √(((2)²·2 + 0 + (−4)²)/3) = √8; t(0.975, 3) = 3.18245; half = 3.18245·√8/2
    expect(r.ci![1] - 5).toBeCloseTo(Math.min(2, (3.182446 * Math.sqrt(8)) / 2), 4);
  });

  it('positive share counts the upper half; the middle of an odd scale is in neither', () => {
    expect(polarity('smiley5', 2)).toBe('neutral');
    expect(polarity('smiley4', 1)).toBe('negative');
    expect(polarity('smiley4', 2)).toBe('positive');
    // 5-button presses 4/2/12/23/51: positive = 23 + 51 of 92
    const r = positiveShare(
      [4, 2, 12, 23, 51].map((n, value) => ({ buttons: 5, value, n })),
      30,
    );
    expect(r.value).toBeCloseTo((100 * 74) / 92, 10);
  });
});

describe('CSI', () => {
  it('weighs attribute means by mean importance', () => {
    // attribute A: mean 5 of 5 (→ 1.0), importance mean 3; attribute B: mean 1 (→ 0), importance mean 1
    const r = csi(
      [
        { ratings: counts([[5, 4]]), m: 5, importance: counts([[3, 2]]) },
        { ratings: counts([[1, 2]]), m: 5, importance: counts([[1, 1]]) },
      ],
      1,
    );
    expect(r.value).toBeCloseTo(75, 10);
    expect(r.n).toBe(6);
    expect(r.ci).toBeNull();
  });

  it('uses equal weights when importance is not asked', () => {
    const r = csi(
      [
        { ratings: counts([[5, 1]]), m: 5 },
        { ratings: counts([[3, 1]]), m: 5 },
      ],
      1,
    );
    expect(r.value).toBeCloseTo(75, 10);
  });

  it('normalises each attribute by its own scale size (1–5 beside 1–7)', () => {
    // csi5 mean 4 → (4−1)/4 = 0.75; csi7 mean 4 → (4−1)/6 = 0.5; equal weights → 100 · (0.75 + 0.5)/2 = 62.5
    const r = csi(
      [
        { ratings: counts([[4, 2]]), m: 5 },
        { ratings: counts([[4, 3]]), m: 7 },
      ],
      1,
    );
    expect(r.value).toBeCloseTo(62.5, 10);
    expect(r.n).toBe(5);
  });

  it('uses equal weights when importance is answered for only some attributes', () => {
    // importance only for the first: weights stay ½ and ½ → 100 · (1 + 0)/2 = 50
    const r = csi(
      [
        { ratings: counts([[5, 1]]), m: 5, importance: counts([[5, 1]]) },
        { ratings: counts([[1, 1]]), m: 5 },
      ],
      1,
    );
    expect(r.value).toBeCloseTo(50, 10);
  });
});

describe('traffic indices', () => {
  it('divide responses, negative and positive responses by customers served', () => {
    const t = { responses: 40, positive: 25, negative: 5, customers: 200 };
    expect(responseRate(t, 1).value).toBe(20);
    expect(criticality(t, 1).value).toBe(2.5);
    expect(support(t, 1).value).toBe(12.5);
    expect(responseRate({ ...t, customers: 0 }, 1)).toMatchObject({ value: null, enough: false });
  });
});

describe('emotional indices', () => {
  const faces = (partial: Partial<ReturnType<typeof emptyEmotionCounts>>) => {
    const c = { ...emptyEmotionCounts(), ...partial };
    c.faces = c.neutral + c.happy + c.surprise + c.sad + c.angry + c.fear + c.disgust;
    return c;
  };

  it('emotional NPS counts happy against sad, angry, fear and disgust; neutral and surprise in neither', () => {
    const r = emotionalNps(faces({ happy: 6, neutral: 2, surprise: 1, sad: 1 }), 5);
    expect(r.value).toBeCloseTo(50, 10);
    expect(r.n).toBe(10);
  });

  it('engagement is the share of non-neutral faces', () => {
    expect(emotionalEngagement(faces({ happy: 3, neutral: 1 }), 1).value).toBe(75);
  });

  it('is not shown below the minimum number of faces', () => {
    expect(emotionalNps(faces({ happy: 2 }), 5).enough).toBe(false);
  });

  it('entry/exit shift is exit NPS minus entry NPS', () => {
    const r = entryExitShift(faces({ neutral: 10 }), faces({ happy: 5, neutral: 5 }), 5);
    expect(r.value).toBeCloseTo(50, 10);
  });
});
