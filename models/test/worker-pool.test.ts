import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { WorkerPool } from '../src/pipeline/worker-pool.ts';

const entry = fileURLToPath(new URL('./fixtures/crashing-worker.mjs', import.meta.url));
const frame = { width: 2, height: 2, data: new Uint8Array(12) };
const options = { inputSize: 320, scoreThreshold: 0.5 };

describe('WorkerPool', () => {
  it('fails the frame of a worker that dies, replaces the worker, and carries on', async () => {
    const exits: number[] = [];
    const pool = await WorkerPool.start({ workers: 1, entry, onWorkerExit: (code) => exits.push(code) });
    try {
      await expect(pool.analyze(frame, options)).rejects.toThrow(/inference worker exited \(code 3\)/);
      expect(pool.restarts).toBe(1);
      expect(exits).toEqual([3]);
      expect(pool.analyze(frame, options)).toBeUndefined(); // no worker until the new one is ready: dropped
      expect(pool.dropped).toBe(1);
      await vi.waitFor(() => expect(pool.size).toBe(1), { timeout: 5000, interval: 50 });
      await expect(pool.analyze(frame, options)).resolves.toEqual([]);
    } finally {
      await pool.stop();
    }
    expect(pool.restarts).toBe(1); // stopping is not a crash
    expect(pool.size).toBe(0);
  });
});
