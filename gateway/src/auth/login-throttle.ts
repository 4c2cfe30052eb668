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

interface Entry {
  failures: number;
  firstAt: number;
  lockedUntil: number;
}

/**
 * Counts failed sign-ins per user name and per client address. Past the limit within the window,
 * the name or address is locked out for a while; every attempt in that time is refused at once,
 * before any password is hashed.
 */
export class LoginThrottle {
  private readonly users = new Map<string, Entry>();
  private readonly addresses = new Map<string, Entry>();
  private readonly o: Required<Omit<LoginThrottleOptions, 'clock'>>;
  private readonly clock: () => number;

  constructor(options: LoginThrottleOptions = {}) {
    this.o = {
      maxPerUser: options.maxPerUser ?? 5,
      maxPerAddress: options.maxPerAddress ?? 20,
      windowMs: options.windowMs ?? 15 * 60_000,
      lockoutMs: options.lockoutMs ?? 15 * 60_000,
      maxEntries: options.maxEntries ?? 10_000,
    };
    this.clock = options.clock ?? Date.now;
  }

  /** Milliseconds until this name and address may try again; 0 when they may now. */
  retryAfterMs(username: string, address: string): number {
    const now = this.clock();
    const wait = (e: Entry | undefined) => (e && e.lockedUntil > now ? e.lockedUntil - now : 0);
    return Math.max(wait(this.users.get(username.toLowerCase())), wait(this.addresses.get(address)));
  }

  failed(username: string, address: string): void {
    this.count(this.users, username.toLowerCase(), this.o.maxPerUser);
    this.count(this.addresses, address, this.o.maxPerAddress);
  }

  /** A good sign-in clears the user name's failures (not the address's). */
  succeeded(username: string): void {
    this.users.delete(username.toLowerCase());
  }

  private count(map: Map<string, Entry>, key: string, max: number): void {
    const now = this.clock();
    let e = map.get(key);
    if (!e || now - e.firstAt > this.o.windowMs) {
      map.delete(key);
      e = { failures: 0, firstAt: now, lockedUntil: 0 };
    }
    e.failures++;
    if (e.failures >= max) {
      e.lockedUntil = now + this.o.lockoutMs;
      e.failures = 0;
      e.firstAt = now;
    }
    map.set(key, e);
    if (map.size > this.o.maxEntries) map.delete(map.keys().next().value!);
  }
}
