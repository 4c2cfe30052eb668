export interface FailureLockoutOptions {
  /** failures of one key within the window before it is locked */
  maxFailures: number;
  windowMs: number;
  lockoutMs: number;
  /** keys kept; the oldest are dropped first, so memory stays bounded under a flood */
  maxEntries?: number;
  clock?: () => number;
}

interface Entry {
  failures: number;
  firstAt: number;
  lockedUntil: number;
}

/**
 * Counts failures per key (a user name, a client address). Past `maxFailures` within the window
 * the key is locked out for `lockoutMs`; callers refuse it at once in that time.
 */
export class FailureLockout {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: () => number;

  constructor(private readonly o: FailureLockoutOptions) {
    this.clock = o.clock ?? Date.now;
  }

  /** Milliseconds until this key may try again; 0 when it may now. */
  retryAfterMs(key: string): number {
    const e = this.entries.get(key);
    const now = this.clock();
    return e && e.lockedUntil > now ? e.lockedUntil - now : 0;
  }

  failed(key: string): void {
    const now = this.clock();
    let e = this.entries.get(key);
    if (!e || now - e.firstAt > this.o.windowMs) {
      this.entries.delete(key);
      e = { failures: 0, firstAt: now, lockedUntil: 0 };
    }
    e.failures++;
    if (e.failures >= this.o.maxFailures) {
      e.lockedUntil = now + this.o.lockoutMs;
      e.failures = 0;
      e.firstAt = now;
    }
    this.entries.set(key, e);
    if (this.entries.size > (this.o.maxEntries ?? 10_000)) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(key: string): void {
    this.entries.delete(key);
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.entries.size;
  }
}
