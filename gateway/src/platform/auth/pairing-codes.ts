import { randomInt } from 'node:crypto';

/** What a pairing code turns into: a kiosk token for a device, or a screen token for a point. */
export interface PairingSpec {
  kind: 'kiosk' | 'screen';
  name: string;
  deviceId?: string | undefined;
  pointId?: string | undefined;
  createdBy: string;
}

/** Crockford's base32 without the letters people misread (I, L, O, U) and without 0 and 1. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 8;
const MAX_OPEN = 200;

/**
 * Short codes an admin gives a kiosk or a staff screen, exchanged once for its scoped token: easier
 * to type on a TV remote than a token, and useless after use or after `ttlMs`. 8 characters of 30
 * (about 39 bits); the exchange is rate-limited per address, so guessing one in its lifetime is
 * out of reach. Codes live in memory only: a restart voids them (issue a new one).
 */
export class PairingCodes {
  private readonly open = new Map<string, { spec: PairingSpec; expiresAt: number }>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  issue(spec: PairingSpec): { code: string; expiresAt: number } {
    this.sweep();
    if (this.open.size >= MAX_OPEN) throw new RangeError(`${MAX_OPEN} pairing codes are open; use or let some expire first`);
    let code: string;
    do code = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    while (this.open.has(code));
    const expiresAt = this.clock() + this.ttlMs;
    this.open.set(code, { spec, expiresAt });
    return { code: `${code.slice(0, 4)}-${code.slice(4)}`, expiresAt };
  }

  /** The spec behind a code, once; undefined for an unknown, used or expired code. Spaces, dashes and case do not matter. */
  redeem(typed: string): PairingSpec | undefined {
    this.sweep();
    const code = typed.toUpperCase().replace(/[\s-]/g, '');
    const entry = this.open.get(code);
    if (!entry) return undefined;
    this.open.delete(code);
    return entry.spec;
  }

  private sweep(): void {
    const now = this.clock();
    for (const [code, { expiresAt }] of this.open) if (expiresAt <= now) this.open.delete(code);
  }
}
