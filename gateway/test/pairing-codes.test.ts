import { describe, expect, it } from 'vitest';
import { PairingCodes } from '../src/platform/auth/pairing-codes.ts';

const spec = { kind: 'screen' as const, name: 'tv', pointId: 'desk', createdBy: 'admin' };

describe('PairingCodes', () => {
  it('turns a code into its spec once, and not after it expires', () => {
    let now = 1_000_000;
    const codes = new PairingCodes(60_000, () => now);
    const first = codes.issue(spec);
    const second = codes.issue(spec);
    expect(first.code).not.toBe(second.code);
    expect(first.expiresAt).toBe(now + 60_000);
    expect(codes.redeem(first.code)).toEqual(spec);
    expect(codes.redeem(first.code)).toBeUndefined();
    now += 60_000;
    expect(codes.redeem(second.code)).toBeUndefined();
  });

  it('keeps at most 200 open, so a careless script cannot fill the memory', () => {
    const codes = new PairingCodes();
    for (let i = 0; i < 200; i++) codes.issue(spec);
    expect(() => codes.issue(spec)).toThrow(/200 pairing codes are open/);
  });
});
