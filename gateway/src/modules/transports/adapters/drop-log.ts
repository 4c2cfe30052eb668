import type { Logger } from 'pino';

/**
 * Counts dropped input by reason and logs each reason at most once per period (default a
 * minute), with the details of the first drop and how many more there were since the last line,
 * so a flood of bad input cannot flood the log.
 */
export class DropLog {
  private readonly lastLogged = new Map<string, number>();
  private readonly since = new Map<string, number>();

  constructor(
    private readonly logger: Logger,
    private readonly count: (reason: string) => void,
    private readonly periodMs = 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  drop(reason: string, detail: Record<string, unknown> = {}): void {
    this.count(reason);
    const now = this.clock();
    const last = this.lastLogged.get(reason);
    if (last !== undefined && now - last < this.periodMs) {
      this.since.set(reason, (this.since.get(reason) ?? 0) + 1);
      return;
    }
    this.lastLogged.set(reason, now);
    const moreSinceLastLine = this.since.get(reason) ?? 0;
    this.since.delete(reason);
    this.logger.warn(
      { reason, ...detail, moreSinceLastLine },
      'dropped input (logged at most once a minute per reason; /metrics counts every one)',
    );
  }
}
