import type { Db } from '../../platform/store/db.ts';
import type { Answer } from '../../core/answer.ts';
import type { StoreHealth } from '../../platform/store/store-health.ts';
import { StoreUnavailable } from '../../core/store-unavailable.ts';
import {
  RollupAccumulator,
  rollupStatements,
  siteCalendars,
  type RollupAnswer,
  type RollupStatements,
} from '../../platform/rollups/writer.ts';
import { ResponseBatch } from '../../platform/rollups/response-batch.ts';

export type WriteOutcome = 'stored' | 'duplicate';

interface Pending {
  event: Answer;
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: Error) => void;
}

export interface AnswerWriterOptions {
  /** largest batch written in one transaction */
  maxBatch?: number;
  /** called after each commit with the answers that were new */
  onCommit?: (stored: Answer[], batchSize: number) => void;
  /** benchmarks only: skip the rollups, to measure what they cost */
  withoutRollups?: boolean;
  /** benchmarks only: skip `responses` and the response rollups, to measure what they cost */
  withoutResponses?: boolean;
  /** told of every failed commit (a full disk makes the gateway unready until its probe can write again) */
  health?: StoreHealth;
}

/**
 * The single writer of answers. Events submitted in the same turn of the event loop are written in
 * one transaction (group commit); each raw answer, its response (the `responses` row) and their rollup
 * buckets (minute, hour, local day, local month) change together, so the rollups never disagree with the raw rows. A promise resolves only after its commit.
 */
export class AnswerWriter {
  private queue: Pending[] = [];
  private scheduled = false;
  private closed = false;
  private readonly maxBatch: number;
  private readonly insertAnswer;
  private readonly touchDevice;
  private readonly writeBatch;

  constructor(
    private readonly db: Db,
    private readonly options: AnswerWriterOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 5000;
    this.insertAnswer = db.prepare(
      // ON CONFLICT on the identity only: OR IGNORE would also swallow NOT NULL violations and ack a lost answer.
      `INSERT INTO answers (device_id, boot, seq, site_id, point_id, staff_id, survey_id, question_id, scale, value,
                            occurred_at, received_at, misuse, source,
                            response_key, headline)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (device_id, boot, seq) DO NOTHING`,
    );
    const rollups: RollupStatements = rollupStatements(db);
    const calendars = siteCalendars(db);
    const accumulator = new RollupAccumulator(calendars);
    const responses = new ResponseBatch(db, calendars);
    this.touchDevice = db.prepare('UPDATE devices SET last_seen_at = MAX(COALESCE(last_seen_at, 0), ?) WHERE id = ?');
    this.writeBatch = db.transaction((batch: Pending[]) => {
      const outcomes: WriteOutcome[] = [];
      responses.discard();
      // Within a batch, rollup buckets and last-seen times are summed first and written once each.
      const lastSeen = new Map<string, number>();
      for (const { event: e } of batch) {
        const { changes } = this.insertAnswer.run(
          e.deviceId,
          e.boot,
          e.seq,
          e.siteId,
          e.pointId,
          e.staffId,
          e.surveyId,
          e.questionId,
          e.scale,
          e.value,
          e.occurredAt,
          e.receivedAt,
          e.misuse ? 1 : 0,
          e.source,
          e.responseKey,
          e.headline ? 1 : 0,
        );
        if (changes === 1 && !e.misuse && e.value !== null && !this.options.withoutRollups) accumulator.add(e as RollupAnswer);
        if (changes === 1 && !this.options.withoutResponses) responses.add(e.responseKey, e);
        lastSeen.set(e.deviceId, Math.max(lastSeen.get(e.deviceId) ?? 0, e.receivedAt));
        outcomes.push(changes === 1 ? 'stored' : 'duplicate');
      }
      accumulator.flush(rollups);
      responses.flush();
      for (const [deviceId, at] of lastSeen) this.touchDevice.run(at, deviceId);
      return outcomes;
    });
  }

  /** Queues an answer; resolves after it is durably committed (or found to be a duplicate). */
  submit(event: Answer): Promise<WriteOutcome> {
    if (this.closed) return Promise.reject(new Error('answer writer is closed'));
    return new Promise<WriteOutcome>((resolve, reject) => {
      this.queue.push({ event, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes everything queued now. */
  flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      let outcomes: WriteOutcome[];
      try {
        outcomes = this.writeBatch(batch);
      } catch (error) {
        // A full or read-only disk: one log line a minute (StoreHealth), not one per message; devices resend.
        const failure = this.options.health?.failed(error) ? new StoreUnavailable((error as Error).message) : (error as Error);
        for (const p of batch) p.reject(failure);
        continue;
      }
      const stored: Answer[] = [];
      batch.forEach((p, i) => {
        const outcome = outcomes[i] ?? 'duplicate';
        if (outcome === 'stored') stored.push(p.event);
        p.resolve(outcome);
      });
      this.options.onCommit?.(stored, batch.length);
    }
  }

  /** Flushes what is queued and refuses new work. */
  close(): void {
    this.flush();
    this.closed = true;
  }
}
