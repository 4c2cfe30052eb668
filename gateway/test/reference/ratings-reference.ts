/**
 * Brute-force reference of METRICS.md "Ratings", written from METRICS.md alone: every figure is
 * recomputed from the raw answer rows that a filter chooses, per answer (a customer answers each
 * question once). n counts answers; below `minN` the figure is not enough; no answers: value null.
 *
 *   NPS    nps11 answers: 100·(share 9-10 − share 0-6), adjusted Wald interval
 *   CSAT   csat5 answers: 100·share 4-5, Wilson interval
 *   CES    ces7 answers: mean 1..7, t interval
 *   happy  smileyK presses: 100·mean(i/(K−1)), t interval
 *   positiveShare  smileyK presses: share with i in the upper half (odd K: middle in neither), Wilson
 *   CSI    attribute answers (csi5/csi7): 100·Σ wᵢ·(s̄ᵢ−1)/(mᵢ−1), each attribute by its own scale,
 *          equal weights unless every attribute has importance answers; n = attribute answers; no interval
 *
 * A reading METRICS.md leaves open: an interval is clipped to the index's own range (a t interval of a
 * Happy Index near 100 does not reach past 100; NPS stays within −100..100, CES within 1..7).
 */
import { npsInterval, tInterval, wilson } from './intervals.ts';
import { chosen, counts, type RawAnswer, type RawWorld, type RefFilter, type RefResult } from './rows.ts';

export const RATING_INDICES = ['happy', 'positiveShare', 'nps', 'csat', 'ces', 'csi'] as const;
export type RatingIndex = (typeof RATING_INDICES)[number];

function smileyK(scale: string): number | undefined {
  const m = /^smiley(\d+)$/.exec(scale);
  return m ? Number(m[1]) : undefined;
}

const RANGE: Record<RatingIndex, [number, number]> = {
  happy: [0, 100],
  positiveShare: [0, 100],
  nps: [-100, 100],
  csat: [0, 100],
  ces: [1, 7],
  csi: [0, 100],
};

function result(world: RawWorld, index: RatingIndex, value: number | null, n: number, ci: [number, number] | null): RefResult {
  const [lo, hi] = RANGE[index];
  const clipped: [number, number] | null = ci && [Math.max(lo, ci[0]), Math.min(hi, ci[1])];
  return { value: n === 0 ? null : value, n, unit: 'answers', ci: n === 0 ? null : clipped, enough: n >= world.minN };
}

/** The counted answers a rating index reads. */
export function ratingAnswers(world: RawWorld, index: RatingIndex, f: RefFilter): RawAnswer[] {
  const wanted = (a: RawAnswer): boolean => {
    switch (index) {
      case 'happy':
      case 'positiveShare':
        return smileyK(a.scale) !== undefined;
      case 'nps':
        return a.scale === 'nps11';
      case 'csat':
        return a.scale === 'csat5';
      case 'ces':
        return a.scale === 'ces7';
      case 'csi':
        return a.scale === 'csi5' || a.scale === 'csi7';
    }
  };
  return world.answers.filter((a) => counts(a) && wanted(a) && chosen(world, f, a));
}

function csi(world: RawWorld, f: RefFilter, answers: RawAnswer[]): RefResult {
  const byQuestion = new Map<string, number[]>();
  for (const a of answers) {
    const key = `${a.surveyId}/${a.questionId}`;
    byQuestion.set(key, [...(byQuestion.get(key) ?? []), (a.value! - 1) / (a.scale === 'csi7' ? 6 : 4)]);
  }
  // importance answers of the attributes (same filter, any importance scale)
  const importance = new Map<string, number[]>();
  for (const s of world.surveys)
    for (const q of s.questions) {
      if (!q.importanceOf) continue;
      const xs = world.answers
        .filter((a) => counts(a) && a.surveyId === s.id && a.questionId === q.id && chosen(world, { ...f, questionId: undefined }, a))
        .map((a) => a.value!);
      if (xs.length > 0) importance.set(`${s.id}/${q.importanceOf}`, xs);
    }
  const keys = [...byQuestion.keys()];
  const weighted = keys.every((k) => importance.has(k));
  const raw = keys.map((k) => (weighted ? importance.get(k)!.reduce((x, y) => x + y, 0) / importance.get(k)!.length : 1));
  const total = raw.reduce((x, y) => x + y, 0);
  const value =
    100 *
    keys.reduce((sum, k, i) => {
      const xs = byQuestion.get(k)!;
      return sum + (raw[i]! / total) * (xs.reduce((x, y) => x + y, 0) / xs.length);
    }, 0);
  return result(world, 'csi', value, answers.length, null);
}

/** One rating index over a filter. */
export function ratingIndex(world: RawWorld, index: RatingIndex, f: RefFilter): RefResult {
  const answers = ratingAnswers(world, index, f);
  const n = answers.length;
  const share = (test: (a: RawAnswer) => boolean): number => answers.filter(test).length;
  switch (index) {
    case 'nps': {
      const p = share((a) => a.value! >= 9);
      const d = share((a) => a.value! <= 6);
      return result(world, index, (100 * (p - d)) / n, n, npsInterval(p, d, n));
    }
    case 'csat': {
      const k = share((a) => a.value! >= 4);
      return result(world, index, (100 * k) / n, n, wilson(k, n));
    }
    case 'ces': {
      const xs = answers.map((a) => a.value!);
      return result(world, index, xs.reduce((x, y) => x + y, 0) / n, n, tInterval(xs));
    }
    case 'happy': {
      const xs = answers.map((a) => a.value! / (smileyK(a.scale)! - 1));
      return result(world, index, (100 * xs.reduce((x, y) => x + y, 0)) / n, n, tInterval(xs, 100));
    }
    case 'positiveShare': {
      const k = share((a) => 2 * a.value! > smileyK(a.scale)! - 1);
      return result(world, index, (100 * k) / n, n, wilson(k, n));
    }
    case 'csi':
      return csi(world, f, answers);
  }
}
