import type { Db } from './database.ts';
import type { FeedbackEvent } from '../ingest/feedback-event.ts';

export type WriteOutcome = 'stored' | 'duplicate';

interface Pending {
  event: FeedbackEvent;
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: Error) => void;
}

export interface AnswerWriterOptions {
  /** largest batch written in one transaction */
  maxBatch?: number;
  /** called after each commit with the answers that were new */
  onCommit?: (stored: FeedbackEvent[], batchSize: number) => void;
}

/**
 * The single writer of answers. Events submitted in the same turn of the event loop are written in
 * one transaction (group commit); each raw answer and its minute rollup bucket change together, so
 * the rollups never disagree with the raw rows. A promise resolves only after its commit.
 */
export class AnswerWriter {
  private queue: Pending[] = [];
  private scheduled = false;
  private closed = false;
  private readonly maxBatch: number;
  private readonly insertAnswer;
  private readonly bumpRollup;
  private readonly touchDevice;
  private readonly writeBatch;

  constructor(
    private readonly db: Db,
    private readonly options: AnswerWriterOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 5000;
    this.insertAnswer = db.prepare(
      // ON CONFLICT on the identity only: OR IGNORE would also swallow NOT NULL violations and ack a lost answer.
      `INSERT INTO answers (device_id, boot, seq, site_id, point_id, scale, value, occurred_at, received_at, misuse, source)
       VALUES (@deviceId, @boot, @seq, @siteId, @pointId, @scale, @value, @occurredAt, @receivedAt, @misuse, @source)
       ON CONFLICT (device_id, boot, seq) DO NOTHING`,
    );
    this.bumpRollup = db.prepare(
      `INSERT INTO rollup_minute (minute, point_id, device_id, scale, value, n) VALUES (?, ?, ?, ?, ?, 1)
       ON CONFLICT (point_id, minute, device_id, scale, value) DO UPDATE SET n = n + 1`,
    );
    this.touchDevice = db.prepare('UPDATE devices SET last_seen_at = MAX(COALESCE(last_seen_at, 0), ?) WHERE id = ?');
    this.writeBatch = db.transaction((batch: Pending[]) => {
      const outcomes: WriteOutcome[] = [];
      for (const { event } of batch) {
        const { changes } = this.insertAnswer.run({ ...event, misuse: event.misuse ? 1 : 0 });
        if (changes === 1 && !event.misuse) {
          this.bumpRollup.run(Math.floor(event.occurredAt / 60_000), event.pointId, event.deviceId, event.scale, event.value);
        }
        this.touchDevice.run(event.receivedAt, event.deviceId);
        outcomes.push(changes === 1 ? 'stored' : 'duplicate');
      }
      return outcomes;
    });
  }

  /** Queues an answer; resolves after it is durably committed (or found to be a duplicate). */
  submit(event: FeedbackEvent): Promise<WriteOutcome> {
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
        for (const p of batch) p.reject(error as Error);
        continue;
      }
      const stored: FeedbackEvent[] = [];
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
