/**
 * Cumulative acknowledgement for one (device, boot): the highest seq such that every seq from 1
 * up to it is stored. Seqs stored out of order wait above the window until the gap fills.
 */
export class AckWindow {
  private contiguous = 0;
  private readonly above = new Set<number>();

  constructor(stored: Iterable<number> = []) {
    for (const seq of stored) this.mark(seq);
  }

  get upTo(): number {
    return this.contiguous;
  }

  /** Records a handled seq; returns the new cumulative ack. */
  mark(seq: number): number {
    if (seq <= this.contiguous) return this.contiguous;
    this.above.add(seq);
    while (this.above.delete(this.contiguous + 1)) this.contiguous++;
    return this.contiguous;
  }
}
