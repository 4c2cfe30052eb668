import { describe, expect, it } from 'vitest';
import { customersPerBucket, mergeSpans, outside } from '../src/modules/indices/customer-spans.ts';

describe('customer spans', () => {
  it('joins overlapping and touching shifts, drops empty ones', () => {
    expect(
      mergeSpans([
        { from: 50, to: 60 },
        { from: 0, to: 10 },
        { from: 10, to: 20 },
        { from: 15, to: 18 },
        { from: 30, to: 30 },
      ]),
    ).toEqual([
      { from: 0, to: 20 },
      { from: 50, to: 60 },
    ]);
  });

  it('what a window leaves outside the spans', () => {
    const spans = [
      { from: 0, to: 10 },
      { from: 20, to: 30 },
      { from: 90, to: 120 },
    ];
    expect(outside(spans, { from: 5, to: 100 })).toEqual([
      { from: 10, to: 20 },
      { from: 30, to: 90 },
    ]);
    expect(outside([], { from: 5, to: 7 })).toEqual([{ from: 5, to: 7 }]);
  });

  it('spreads a period over the buckets it overlaps, only inside the counted spans', () => {
    // 100 customers over [0, 100): buckets of 25; counted only in [10, 60) → 15, 25, 10, 0
    const periods = [{ pointId: 'p', from: 0, to: 100, count: 100 }];
    const buckets = [0, 25, 50, 75].map((from) => ({ from, to: from + 25 }));
    expect(customersPerBucket(periods, buckets, () => [{ from: 10, to: 60 }])).toEqual([15, 25, 10, 0]);
    expect(customersPerBucket(periods, buckets, () => [])).toEqual([0, 0, 0, 0]);
  });
});
