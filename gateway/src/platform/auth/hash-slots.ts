/** Thrown when too many password hashes are already waiting: the caller answers "busy, retry". */
export class HashingBusy extends Error {
  constructor() {
    super('Too many sign-ins at once; try again in a moment');
  }
}

/**
 * Bounds slow password hashing: at most `concurrency` hashes run at once (each holds a libuv
 * thread and 32 MiB), at most `queue` more wait, and the rest are refused at once. A flood of
 * logins then costs a bounded share of the machine and cannot starve static files or the API.
 */
export class HashSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency = 2,
    private readonly queue = 16,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw new HashingBusy();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
