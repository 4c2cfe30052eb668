/** The longest a Node timer may wait; a later moment is reached by waking again. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Wakes once at the earliest moment asked for, so that sessions end when they expire, not at the
 * next request: a live socket must not outlive its session. Asking for a later moment than the
 * one already set changes nothing; the owner asks again for the next one when it wakes.
 */
export class ExpiryTimer {
  private timer: NodeJS.Timeout | undefined;
  private at: number | undefined;

  constructor(
    private readonly wake: () => void,
    private readonly clock: () => number,
  ) {}

  wakeAt(at: number | undefined): void {
    if (at === undefined || (this.at !== undefined && this.at <= at)) return;
    this.stop();
    this.at = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.at = undefined;
        this.wake();
      },
      Math.min(MAX_DELAY_MS, Math.max(0, at - this.clock())),
    );
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.at = undefined;
  }
}
