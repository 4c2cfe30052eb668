import type { Logger } from 'pino';

/** Counts dropped input by reason and logs each reason once, so a flood of bad input cannot flood the log. */
export class DropLog {
  private readonly seen = new Set<string>();

  constructor(
    private readonly logger: Logger,
    private readonly count: (reason: string) => void,
  ) {}

  drop(reason: string, detail: Record<string, unknown> = {}): void {
    this.count(reason);
    if (this.seen.has(reason)) return;
    this.seen.add(reason);
    this.logger.warn({ reason, ...detail }, 'dropped input (logged once per reason; see /metrics for counts)');
  }
}
