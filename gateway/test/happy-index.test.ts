import { describe, expect, it } from 'vitest';
import { happyIndex, type SmileyCount } from '../src/modules/indices/math/happy-index.ts';

const presses = (buttons: number, perButton: number[]): SmileyCount[] => perButton.map((n, value) => ({ buttons, value, n }));

describe('Happy Index (METRICS.md)', () => {
  it('gives 78.2 for 4-button presses 17/16/60/126', () => {
    const result = happyIndex(presses(4, [17, 16, 60, 126]), 30);
    expect(result.n).toBe(219);
    expect(result.value!.toFixed(1)).toBe('78.2');
    expect(result.enough).toBe(true);
  });

  it('gives 81.25 for 5-button presses 4/2/12/23/51', () => {
    const result = happyIndex(presses(5, [4, 2, 12, 23, 51]), 30);
    expect(result.n).toBe(92);
    expect(result.value).toBeCloseTo(81.25, 10);
  });

  it('weighs 4 buttons 0, 33.3, 66.7 and 100', () => {
    expect(happyIndex([{ buttons: 4, value: 1, n: 1 }], 1).value).toBeCloseTo(100 / 3, 10);
    expect(happyIndex([{ buttons: 4, value: 2, n: 1 }], 1).value).toBeCloseTo(200 / 3, 10);
  });

  it('has no value and no interval without answers', () => {
    expect(happyIndex([], 30)).toEqual({ value: null, n: 0, unit: 'answers', ci: null, enough: false });
  });

  it('has a value but no interval for a single answer', () => {
    const result = happyIndex([{ buttons: 3, value: 2, n: 1 }], 1);
    expect(result).toMatchObject({ value: 100, n: 1, ci: null, enough: true });
  });

  it('marks results below the minimum count as not enough', () => {
    const result = happyIndex(presses(4, [1, 1, 1, 1]), 30);
    expect(result.n).toBe(4);
    expect(result.enough).toBe(false);
    expect(result.value).toBeCloseTo(50, 10);
  });

  it('gives the Student t interval of the mean', () => {
    // Two presses, 0 and 100: mean 50, s = 70.71, t(0.975, 1) = 12.706 → half-width 635.3, clamped to 0..100.
    expect(happyIndex(presses(3, [1, 0, 1]), 1).ci).toEqual([0, 100]);
    // 219 presses of the METRICS example: the half-width is t(0.975, 218) · s / √n.
    const counts = presses(4, [17, 16, 60, 126]);
    const xs = counts.flatMap(({ value, n }) => Array<number>(n).fill((100 * value) / 3));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const s = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
    const half = 1.97087 * (s / Math.sqrt(xs.length));
    const [lo, hi] = happyIndex(counts, 30).ci!;
    expect(lo).toBeCloseTo(mean - half, 3);
    expect(hi).toBeCloseTo(mean + half, 3);
  });

  it('mixes scales with different button counts on the 0..100 footing', () => {
    const result = happyIndex(
      [
        { buttons: 3, value: 2, n: 1 },
        { buttons: 5, value: 0, n: 1 },
      ],
      1,
    );
    expect(result.value).toBeCloseTo(50, 10);
  });
});
