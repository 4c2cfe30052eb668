import type { AnswerFilter, CountRow, GroupBy } from '../../platform/rollups/count-query.ts';
import type { Segment } from '../../platform/rollups/range-plan.ts';
import type { ResponseCountRow, ResponseFilter } from '../../platform/rollups/response-count-query.ts';
import type { EmotionCounts } from '../../core/emotion-counts.ts';
import type { CustomerPeriod, ShiftSpan } from './customer-spans.ts';

export interface EmotionFilter {
  /** only cameras of these sites (undefined: every site) */
  siteIds?: string[] | undefined;
  pointIds?: string[] | undefined;
  from: number;
  to: number;
}

export interface EmotionTotals {
  all: EmotionCounts;
  entry: EmotionCounts;
  exit: EmotionCounts;
}

/**
 * Everything the index service reads from a store, as promises: the seam where a store other than
 * the gateway's SQLite file (a head office on PostgreSQL) plugs in without touching any caller.
 */
export interface IndexReader {
  /** rollup counts over planned segments, optionally grouped by point, staff or bucket */
  counts(segments: Segment[], filter: AnswerFilter, groupBy?: GroupBy): Promise<CountRow[]>;
  /** response rollup counts (people, not answers) over planned segments, optionally grouped by point, staff or bucket */
  responseCounts(segments: Segment[], filter: ResponseFilter, groupBy?: GroupBy): Promise<ResponseCountRow[]>;
  /** camera emotion windows summed over a range, overall and by tag (entry, exit) */
  emotionTotals(filter: EmotionFilter): Promise<EmotionTotals>;
  /** the points where a staff member had a shift overlapping [from, to) */
  pointsWorked(staffId: string, from: number, to: number): Promise<string[]>;
  /** the customers-served periods at the points that overlap [from, to), each whole (the caller pro-rates) */
  customerPeriods(pointIds: string[], from: number, to: number): Promise<CustomerPeriod[]>;
  /** the shifts at the points that overlap [from, to), of one staff member or of everyone */
  shifts(pointIds: string[], from: number, to: number, staffId?: string): Promise<ShiftSpan[]>;
}
