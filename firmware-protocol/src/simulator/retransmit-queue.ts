/**
 * What a device keeps of its unacknowledged messages: each is resent every `retransmitMs` until a
 * cumulative ack covers its seq. Shared by the MQTT and serial simulated devices.
 */
export class RetransmitQueue<M extends { seq: number }> {
  private readonly pending = new Map<number, { message: M; timer: NodeJS.Timeout }>();
  private readonly acked = new Set<number>();
  retransmitted = 0;

  constructor(
    private readonly send: (message: M) => void,
    private readonly retransmitMs: number,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  /** Sends a message now and keeps resending it until acknowledged. */
  add(message: M): void {
    const schedule = (): NodeJS.Timeout => {
      const timer = setTimeout(() => {
        const entry = this.pending.get(message.seq);
        if (!entry) return;
        this.retransmitted++;
        entry.timer = schedule();
        this.send(message);
      }, this.retransmitMs);
      timer.unref();
      return timer;
    };
    this.pending.set(message.seq, { message, timer: schedule() });
    this.send(message);
  }

  /** Applies a cumulative ack; returns how many messages it newly acknowledged. */
  ack(upTo: number): number {
    let count = 0;
    for (const [seq, entry] of this.pending) {
      if (seq > upTo) continue;
      clearTimeout(entry.timer);
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
    const entry = this.pending.get(seq);
    if (entry) clearTimeout(entry.timer);
    this.pending.delete(seq);
  }

  acknowledged(): number[] {
    return [...this.acked].sort((a, b) => a - b);
  }

  /** Resends everything pending at once (after a reconnect). */
  resendAll(): void {
    for (const { message } of this.pending.values()) this.send(message);
  }

  clear(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
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
