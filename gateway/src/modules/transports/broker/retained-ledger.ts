/**
 * Who holds which retained message, so that no client (and no user behind several clients) can
 * fill the broker's memory with retained messages: at most `perUser` topics each, `total` in all.
 * Replacing a topic one already holds is always allowed; an empty payload clears it.
 */
export class RetainedLedger {
  private readonly holders = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly perUser: number,
    private readonly total: number,
  ) {}

  /** Records a retained publish; false when it would pass a limit (and nothing changes). */
  record(topic: string, user: string, clears: boolean): boolean {
    const holder = this.holders.get(topic);
    if (clears) {
      if (holder !== undefined) this.release(topic, holder);
      return true;
    }
    if (holder === user) return true;
    if ((this.counts.get(user) ?? 0) >= this.perUser) return false;
    if (holder === undefined && this.holders.size >= this.total) return false;
    if (holder !== undefined) this.release(topic, holder);
    this.holders.set(topic, user);
    this.counts.set(user, (this.counts.get(user) ?? 0) + 1);
    return true;
  }

  private release(topic: string, holder: string): void {
    this.holders.delete(topic);
    const left = (this.counts.get(holder) ?? 1) - 1;
    if (left > 0) this.counts.set(holder, left);
    else this.counts.delete(holder);
  }
}
