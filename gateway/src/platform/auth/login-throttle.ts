import { FailureLockout } from './failure-lockout.ts';

export interface LoginThrottleOptions {
  /** failures of one user name within the window before it is locked */
  maxPerUser?: number;
  /** failures from one client address within the window before it is locked */
  maxPerAddress?: number;
  windowMs?: number;
  lockoutMs?: number;
  /** entries kept per map; the oldest are dropped first, so memory stays bounded under a flood */
  maxEntries?: number;
  clock?: () => number;
}

/**
 * Counts failed sign-ins per user name and per client address. Past the limit within the window,
 * the name or address is locked out for a while; every attempt in that time is refused at once,
 * before any password is hashed.
 */
export class LoginThrottle {
  private readonly users: FailureLockout;
  private readonly addresses: FailureLockout;

  constructor(options: LoginThrottleOptions = {}) {
    const common = {
      windowMs: options.windowMs ?? 15 * 60_000,
      lockoutMs: options.lockoutMs ?? 15 * 60_000,
      maxEntries: options.maxEntries,
      clock: options.clock,
    };
    this.users = new FailureLockout({ ...common, maxFailures: options.maxPerUser ?? 5 });
    this.addresses = new FailureLockout({ ...common, maxFailures: options.maxPerAddress ?? 20 });
  }

  /** Milliseconds until this name and address may try again; 0 when they may now. */
  retryAfterMs(username: string, address: string): number {
    return Math.max(this.users.retryAfterMs(username.toLowerCase()), this.addresses.retryAfterMs(address));
  }

  failed(username: string, address: string): void {
    this.users.failed(username.toLowerCase());
    this.addresses.failed(address);
  }

  /** A good sign-in clears the user name's failures (not the address's). */
  succeeded(username: string): void {
    this.users.clear(username.toLowerCase());
  }
}
