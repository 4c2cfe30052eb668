import type { Ack } from '../../../core/device-inbox.ts';

/**
 * Acks are cumulative, so within one turn of the event loop only the highest one per device and
 * boot needs sending: at a thousand presses a second this turns a thousand acks into a few.
 */
export class AckCoalescer<K> {
  private pending = new Map<string, { key: K; ack: Ack }>();
  private scheduled = false;

  constructor(
    private readonly send: (key: K, ack: Ack) => void,
    private readonly keyOf: (key: K) => string,
  ) {}

  offer(key: K, ack: Ack): void {
    const id = `${this.keyOf(key)}/${ack.boot}`;
    const current = this.pending.get(id);
    if (!current || ack.upTo > current.ack.upTo) this.pending.set(id, { key, ack });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = new Map();
    for (const { key, ack } of batch.values()) this.send(key, ack);
  }
}
