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
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (device_id, boot, seq) DO NOTHING`,
    );
    this.bumpRollup = db.prepare(
      `INSERT INTO rollup_minute (minute, point_id, device_id, scale, value, n) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (point_id, minute, device_id, scale, value) DO UPDATE SET n = n + excluded.n`,
    );
    this.touchDevice = db.prepare('UPDATE devices SET last_seen_at = MAX(COALESCE(last_seen_at, 0), ?) WHERE id = ?');
    this.writeBatch = db.transaction((batch: Pending[]) => {
      const outcomes: WriteOutcome[] = [];
      // Within a batch, rollup buckets and last-seen times are summed first and written once each.
      const buckets = new Map<string, { minute: number; event: FeedbackEvent; n: number }>();
      const lastSeen = new Map<string, number>();
      for (const { event: e } of batch) {
        const { changes } = this.insertAnswer.run(e.deviceId, e.boot, e.seq, e.siteId, e.pointId, e.scale, e.value, e.occurredAt, e.receivedAt, e.misuse ? 1 : 0, e.source);
        if (changes === 1 && !e.misuse) {
          const minute = Math.floor(e.occurredAt / 60_000);
          const key = `${e.pointId}\u0000${minute}\u0000${e.deviceId}\u0000${e.scale}\u0000${e.value}`;
          const bucket = buckets.get(key);
          if (bucket) bucket.n++;
          else buckets.set(key, { minute, event: e, n: 1 });
        }
        lastSeen.set(e.deviceId, Math.max(lastSeen.get(e.deviceId) ?? 0, e.receivedAt));
        outcomes.push(changes === 1 ? 'stored' : 'duplicate');
      }
      for (const { minute, event: e, n } of buckets.values()) this.bumpRollup.run(minute, e.pointId, e.deviceId, e.scale, e.value, n);
      for (const [deviceId, at] of lastSeen) this.touchDevice.run(at, deviceId);
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
