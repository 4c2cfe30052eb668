import { describe, expect, it } from 'vitest';
import { asyncReader } from '../src/platform/store/async-reader.ts';

class Counter {
  private n = 0;
  add(k: number): number {
    this.n += k;
    return this.n;
  }
  fail(): number {
    throw new Error('disk gone');
  }
}

describe('asyncReader', () => {
  it("answers with promises, keeps the repository's own this, and turns a throw into a rejection", async () => {
    const reader = asyncReader(new Counter(), ['add', 'fail']);
    const pending = reader.add(2);
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toBe(2);
    expect(await reader.add(3)).toBe(5);
    const failing = reader.fail();
    expect(failing).toBeInstanceOf(Promise);
    await expect(failing).rejects.toThrow('disk gone');
  });
});
