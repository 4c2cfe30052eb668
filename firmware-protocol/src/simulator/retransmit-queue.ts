/**
 * What a device keeps of its unacknowledged messages. One timer per device resends, oldest first,
 * the messages not sent for `retransmitMs`, at most `maxPerTick` per tick, until a cumulative ack
 * covers them: after an outage a device catches up at a bounded rate instead of flooding the line.
 * Shared by the MQTT and serial simulated devices.
 */
export class RetransmitQueue<M extends { seq: number }> {
  private readonly pending = new Map<number, { message: M; sentAt: number; sends: number }>();
  private readonly acked = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  retransmitted = 0;

  constructor(
    private readonly send: (message: M) => boolean,
    private readonly retransmitMs: number,
    private readonly maxPerTick = 200,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  /** Sends a message now (if the line is up) and keeps resending it until acknowledged. */
  add(message: M): void {
    const sent = this.send(message);
    this.pending.set(message.seq, { message, sentAt: sent ? Date.now() : 0, sends: sent ? 1 : 0 });
    if (!this.timer) {
      this.timer = setInterval(() => this.tick(), Math.max(10, this.retransmitMs / 4));
      this.timer.unref();
    }
  }

  private tick(): void {
    if (this.pending.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    const now = Date.now();
    let sent = 0;
    for (const entry of this.pending.values()) {
      if (sent >= this.maxPerTick) break;
      if (now - entry.sentAt < this.retransmitMs) continue;
      if (!this.send(entry.message)) break; // the line is down: try again next tick
      if (entry.sends > 0) this.retransmitted++;
      entry.sentAt = now;
      entry.sends++;
      sent++;
    }
  }

  /** Applies a cumulative ack; returns how many messages it newly acknowledged. */
  ack(upTo: number): number {
    let count = 0;
    for (const seq of this.pending.keys()) {
      if (seq > upTo) continue;
      this.pending.delete(seq);
      if (!this.acked.has(seq)) {
        this.acked.add(seq);
        count++;
      }
    }
    return count;
  }

  /** Drops a message the gateway refused for good (an error frame for its seq). */
  refuse(seq: number): void {
    this.pending.delete(seq);
  }

  acknowledged(): number[] {
    return [...this.acked].sort((a, b) => a - b);
  }

  /** Makes everything pending due now (after a reconnect). */
  resendAll(): void {
    for (const entry of this.pending.values()) entry.sentAt = 0;
    this.tick();
  }

  clear(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }

  async drained(timeoutMs: number, name: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.size > 0) {
      if (Date.now() > deadline) throw new Error(`${name}: ${this.pending.size} messages not acknowledged`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Picks a button at random by relative weights (worst first). */
export function pickWeighted(weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = Math.random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** A realistic, mostly positive mix: weights grow towards the best button. */
export function defaultWeights(buttons: number): number[] {
  return Array.from({ length: buttons }, (_, i) => 1 + i * i);
}
