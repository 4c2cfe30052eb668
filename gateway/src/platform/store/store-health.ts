import type { Logger } from 'pino';

/** Why the store cannot take writes, from SQLite's error code. */
export function storeProblem(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  if (code.startsWith('SQLITE_FULL')) return 'the disk is full (SQLITE_FULL): free space or raise store.maxSizeMb';
  if (code.startsWith('SQLITE_READONLY')) return `the database cannot be written (${code}): check the data folder's disk and permissions`;
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return `the disk failed a read or write (${code})`;
  return undefined;
}

/**
 * Whether the store takes writes. A write that fails for lack of space or a read-only disk marks it
 * unhealthy (so /health answers 503 with the reason); the log says so once per minute, however
 * many writes fail, with how many did. Only the probe marks it healthy again: on a nearly full
 * disk some small commits still succeed, and /health must not flap with them.
 */
export class StoreHealth {
  private problem: string | undefined;
  private since = 0;
  private failures = 0;
  private lastLogged: number | undefined;
  private probeTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly options: { logEveryMs?: number; probeEveryMs?: number; probe?: () => void; clock?: () => number } = {},
  ) {}

  get status(): { ok: boolean; reason: string | null; since: number | null } {
    return { ok: this.problem === undefined, reason: this.problem ?? null, since: this.problem ? this.since : null };
  }

  /** A write failed; returns true when the failure is the store's condition (and was recorded). */
  failed(error: unknown): boolean {
    const problem = storeProblem(error);
    if (!problem) return false;
    const now = this.now();
    this.failures++;
    if (this.problem === undefined) {
      this.problem = problem;
      this.since = now;
      this.startProbe();
    }
    if (this.lastLogged === undefined || now - this.lastLogged >= (this.options.logEveryMs ?? 60_000)) {
      this.lastLogged = now;
      this.logger.error(
        { reason: problem, failedWrites: this.failures },
        'the store refuses writes; devices keep unacknowledged messages and resend them',
      );
      this.failures = 0;
    }
    return true;
  }

  /** A write succeeded. */
  succeeded(): void {
    if (this.problem === undefined) return;
    this.logger.info({ after: this.now() - this.since, previously: this.problem }, 'the store takes writes again');
    this.problem = undefined;
    this.failures = 0;
    this.lastLogged = undefined;
    this.stopProbe();
  }

  close(): void {
    this.stopProbe();
  }

  private startProbe(): void {
    const probe = this.options.probe;
    if (!probe || this.probeTimer) return;
    this.probeTimer = setInterval(() => {
      try {
        probe();
        this.succeeded();
      } catch (error) {
        this.failed(error);
      }
    }, this.options.probeEveryMs ?? 5000);
    this.probeTimer.unref();
  }

  private stopProbe(): void {
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = undefined;
  }

  private now(): number {
    return (this.options.clock ?? Date.now)();
  }
}
