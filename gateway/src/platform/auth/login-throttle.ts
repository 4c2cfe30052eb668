import { FailureLockout } from './failure-lockout.ts';

export interface LoginThrottleOptions {
  /** failures of one user name from one address within the window before that pair is locked */
  maxPerUser?: number;
  /** failures from one client address within the window before it is locked */
  maxPerAddress?: number;
  /**
   * failures of one user name from anywhere within the window before it is locked for addresses it
   * has never signed in from (a guess spread over many addresses); default 10 × maxPerUser
   */
  maxPerUserEverywhere?: number;
  windowMs?: number;
  lockoutMs?: number;
  /** entries kept per map; the oldest are dropped first, so memory stays bounded under a flood */
  maxEntries?: number;
  clock?: () => number;
}

/** Addresses remembered per user as ones they signed in from. */
const TRUSTED_PER_USER = 16;

/**
 * Counts failed sign-ins so that a lockout hurts the one guessing, not the user (issue 25): past the
 * limit within the window, the user name is locked *from that address* and the address is locked
 * for every name. Guesses at one name spread over many addresses lock the name only for addresses it
 * has never signed in from, so its owner, at their usual desk, still gets in. Every attempt in a
 * lockout is refused at once, before any password is hashed.
 */
export class LoginThrottle {
  private readonly pairs: FailureLockout;
  private readonly users: FailureLockout;
  private readonly addresses: FailureLockout;
  /** per user name, the addresses it signed in from (most recent last), bounded */
  private readonly trusted = new Map<string, string[]>();
  private readonly maxEntries: number;

  constructor(options: LoginThrottleOptions = {}) {
    const common = {
      windowMs: options.windowMs ?? 15 * 60_000,
      lockoutMs: options.lockoutMs ?? 15 * 60_000,
      maxEntries: options.maxEntries,
      clock: options.clock,
    };
    const perUser = options.maxPerUser ?? 5;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.pairs = new FailureLockout({ ...common, maxFailures: perUser });
    this.users = new FailureLockout({ ...common, maxFailures: options.maxPerUserEverywhere ?? perUser * 10 });
    this.addresses = new FailureLockout({ ...common, maxFailures: options.maxPerAddress ?? 20 });
  }

  /** Milliseconds until this name may try again from this address; 0 when it may now. */
  retryAfterMs(username: string, address: string): number {
    const name = username.toLowerCase();
    const everywhere = this.trusted.get(name)?.includes(address) ? 0 : this.users.retryAfterMs(name);
    return Math.max(this.pairs.retryAfterMs(pair(name, address)), everywhere, this.addresses.retryAfterMs(address));
  }

  failed(username: string, address: string): void {
    const name = username.toLowerCase();
    this.pairs.failed(pair(name, address));
    this.users.failed(name);
    this.addresses.failed(address);
  }

  /** A good sign-in clears the name's failures from that address (not the address's), and trusts the address for the name. */
  succeeded(username: string, address: string): void {
    const name = username.toLowerCase();
    this.pairs.clear(pair(name, address));
    const seen = (this.trusted.get(name) ?? []).filter((a) => a !== address);
    this.trusted.delete(name);
    this.trusted.set(name, [...seen, address].slice(-TRUSTED_PER_USER));
    if (this.trusted.size > this.maxEntries) this.trusted.delete(this.trusted.keys().next().value!);
  }
}

const pair = (name: string, address: string) => `${name}\u0000${address}`;
