import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../src/platform/auth/login-throttle.ts';
import { HashingBusy, HashSlots } from '../src/platform/auth/hash-slots.ts';

describe('login throttle', () => {
  const clocked = () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle({ maxPerUser: 3, maxPerAddress: 5, windowMs: 60_000, lockoutMs: 300_000, clock: () => now });
    return { throttle, advance: (ms: number) => (now += ms) };
  };

  it('locks a user name from the address that guessed, and lets it try again when the lockout expires', () => {
    const { throttle, advance } = clocked();
    for (let i = 0; i < 2; i++) throttle.failed('anna', '10.0.0.1');
    expect(throttle.retryAfterMs('anna', '10.0.0.1')).toBe(0);
    throttle.failed('Anna', '10.0.0.1');
    expect(throttle.retryAfterMs('anna', '10.0.0.1')).toBe(300_000);
    // the owner at another desk is not locked out by someone else's guesses
    expect(throttle.retryAfterMs('anna', '10.0.0.9')).toBe(0);
    advance(299_000);
    expect(throttle.retryAfterMs('ANNA', '10.0.0.1')).toBe(1000);
    advance(1000);
    expect(throttle.retryAfterMs('anna', '10.0.0.1')).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const { throttle, advance } = clocked();
    throttle.failed('bob', 'a');
    throttle.failed('bob', 'a');
    advance(61_000);
    throttle.failed('bob', 'a');
    expect(throttle.retryAfterMs('bob', 'a')).toBe(0);
  });

  it('locks an address that tries many names, whatever the name', () => {
    const { throttle } = clocked();
    for (let i = 0; i < 5; i++) throttle.failed(`user-${i}`, '192.0.2.7');
    expect(throttle.retryAfterMs('someone-else', '192.0.2.7')).toBeGreaterThan(0);
    expect(throttle.retryAfterMs('someone-else', '192.0.2.8')).toBe(0);
  });

  it('locks a name guessed at from many addresses for new addresses only: its owner still signs in where they did before', () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle({ maxPerUser: 3, maxPerAddress: 5, maxPerUserEverywhere: 6, clock: () => now });
    throttle.succeeded('admin', '10.0.0.5'); // the admin's own desk
    for (let i = 0; i < 6; i++) throttle.failed('admin', `198.51.100.${i}`); // one guess each from six addresses
    expect(throttle.retryAfterMs('admin', '198.51.100.99')).toBeGreaterThan(0);
    expect(throttle.retryAfterMs('admin', '10.0.0.5')).toBe(0);
    now += 15 * 60_000;
    expect(throttle.retryAfterMs('admin', '198.51.100.99')).toBe(0);
  });

  it('a good sign-in clears the name at that address, not the address', () => {
    const { throttle } = clocked();
    throttle.failed('carl', 'x');
    throttle.failed('carl', 'x');
    throttle.succeeded('carl', 'x');
    throttle.failed('carl', 'x');
    expect(throttle.retryAfterMs('carl', 'x')).toBe(0);
  });

  it('keeps memory bounded under a flood of names', () => {
    const throttle = new LoginThrottle({ maxEntries: 100 });
    for (let i = 0; i < 10_000; i++) throttle.failed(`n${i}`, `a${i}`);
    expect((throttle as unknown as { pairs: { size: number } }).pairs.size).toBeLessThanOrEqual(100);
    expect((throttle as unknown as { users: { size: number } }).users.size).toBeLessThanOrEqual(100);
  });
});

describe('hash slots', () => {
  it('runs at most `concurrency` hashes at once and refuses past the queue', async () => {
    const slots = new HashSlots(2, 3);
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const work = () =>
      slots.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
      });
    const accepted = Array.from({ length: 5 }, work);
    await expect(work()).rejects.toBeInstanceOf(HashingBusy);
    await expect.poll(() => releases.length).toBe(2);
    while (releases.length > 0 || running > 0) {
      releases.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(accepted);
    expect(peak).toBe(2);
  });
});
