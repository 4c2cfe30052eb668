/** A half-open time span [from, to) in epoch ms. */
export interface Span {
  from: number;
  to: number;
}

/** Customers served at a point in one reported period. */
export interface CustomerPeriod extends Span {
  pointId: string;
  count: number;
}

/** A staff member's shift at a point. */
export interface ShiftSpan extends Span {
  staffId: string;
  pointId: string;
}

/** Sorted, disjoint spans covering the union of the given ones (overlapping or touching spans join). */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.from < s.to).sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else out.push({ from: s.from, to: s.to });
  }
  return out;
}

/** The parts of sorted, disjoint spans inside a window. */
export function clip(spans: readonly Span[], window: Span): Span[] {
  return spans.map((s) => ({ from: Math.max(s.from, window.from), to: Math.min(s.to, window.to) })).filter((s) => s.from < s.to);
}

/** What a window leaves once sorted, disjoint spans are taken out of it. */
export function outside(spans: readonly Span[], window: Span): Span[] {
  const out: Span[] = [];
  let at = window.from;
  for (const s of clip(spans, window)) {
    if (s.from > at) out.push({ from: at, to: s.from });
    at = Math.max(at, s.to);
  }
  if (at < window.to) out.push({ from: at, to: window.to });
  return out;
}

/** The first index of sorted, disjoint spans whose span ends after an instant. */
function firstEndingAfter(spans: readonly Span[], ms: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.to <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Customers per bucket (METRICS.md, "Against traffic"): a period counts customers × overlap / period
 * length, where the overlap is with the bucket and with the times its point's customers count
 * (`countedAt`: the range, or a person's shifts there). Buckets and each point's spans are sorted and
 * disjoint; the work is O(periods · log + the pieces that overlap), never one pass per bucket.
 */
export function customersPerBucket(
  periods: readonly CustomerPeriod[],
  buckets: readonly Span[],
  countedAt: (pointId: string) => readonly Span[],
): number[] {
  const sums = buckets.map(() => 0);
  for (const p of periods) {
    const length = p.to - p.from;
    if (!(length > 0) || p.count === 0) continue;
    const spans = countedAt(p.pointId);
    for (let i = firstEndingAfter(spans, p.from); i < spans.length && spans[i]!.from < p.to; i++) {
      const piece = { from: Math.max(p.from, spans[i]!.from), to: Math.min(p.to, spans[i]!.to) };
      for (let b = firstEndingAfter(buckets, piece.from); b < buckets.length && buckets[b]!.from < piece.to; b++) {
        const overlap = Math.min(piece.to, buckets[b]!.to) - Math.max(piece.from, buckets[b]!.from);
        if (overlap > 0) sums[b]! += (p.count * overlap) / length;
      }
    }
  }
  return sums;
}

/** Customers in one window, pro-rated the same way. */
export function customersIn(periods: readonly CustomerPeriod[], window: Span, countedAt: (pointId: string) => readonly Span[]): number {
  return customersPerBucket(periods, [window], countedAt)[0]!;
}

/** Each point's shifts (of one person, or of everyone), joined where they overlap. */
export function shiftSpansByPoint(shifts: readonly ShiftSpan[]): Map<string, Span[]> {
  const byPoint = new Map<string, Span[]>();
  for (const s of shifts) byPoint.set(s.pointId, [...(byPoint.get(s.pointId) ?? []), s]);
  return new Map([...byPoint].map(([pointId, spans]) => [pointId, mergeSpans(spans)]));
}
