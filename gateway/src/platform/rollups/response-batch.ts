import type { Db } from '../store/db.ts';
import type { SiteCalendar } from '../../core/calendar.ts';
import { withAnswer, type ResponseAnswer, type ResponseState } from './response-state.ts';
import {
  ResponseRollupAccumulator,
  ResponseRows,
  isLoneResponseKey,
  responseRollupStatements,
  type ResponseRollupStatements,
} from './response-writer.ts';

/**
 * Keeps `responses` and the response rollups current as answers are stored, inside the writer's
 * transaction: each response touched by a batch is read once, folded with the batch's new answers,
 * then written once, and its rollup rows change by (now − before), summed per bucket for the batch.
 */
export class ResponseBatch {
  private readonly touched = new Map<string, { before: ResponseState | undefined; now: ResponseState }>();
  private readonly rows: ResponseRows;
  private readonly accumulator: ResponseRollupAccumulator;
  private readonly statements: ResponseRollupStatements;

  constructor(db: Db, calendarOf: (siteId: string) => SiteCalendar) {
    this.rows = new ResponseRows(db);
    this.accumulator = new ResponseRollupAccumulator(calendarOf);
    this.statements = responseRollupStatements(db);
  }

  /** Forgets what a failed transaction left summed (its writes were rolled back). */
  discard(): void {
    this.touched.clear();
    this.accumulator.discard();
  }

  /** A newly stored answer (never a duplicate) of response `key`. */
  add(key: string, a: ResponseAnswer): void {
    const seen = this.touched.get(key);
    if (seen) {
      seen.now = withAnswer(seen.now, key, a);
      return;
    }
    // a lone answer's response has no other answer: nothing stored to read
    const before = isLoneResponseKey(key) ? undefined : this.rows.load(key);
    this.touched.set(key, { before, now: withAnswer(before, key, a) });
  }

  /** Writes every touched response and the batch's rollup changes. Call inside the transaction. */
  flush(): void {
    for (const { before, now } of this.touched.values()) {
      if (before) this.accumulator.add(before, -1);
      this.accumulator.add(now, 1);
      this.rows.save(now);
    }
    this.touched.clear();
    this.accumulator.flush(this.statements);
  }
}
