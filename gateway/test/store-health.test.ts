import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import pino from 'pino';
import { StoreHealth } from '../src/platform/store/store-health.ts';

const sqliteError = (code: string) => Object.assign(new Error(code), { code });

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, stream) };
}

describe('store health', () => {
  it('logs a full disk once a minute however many writes fail, with how many did, and clears on success', async () => {
    const { lines, logger } = capture();
    let now = 0;
    const health = new StoreHealth(logger, { clock: () => now });
    for (let i = 0; i < 5000; i++) expect(health.failed(sqliteError('SQLITE_FULL'))).toBe(true);
    expect(health.status).toMatchObject({ ok: false, reason: expect.stringMatching(/full/) });
    now = 59_000;
    health.failed(sqliteError('SQLITE_FULL'));
    now = 60_000;
    health.failed(sqliteError('SQLITE_FULL'));
    await expect.poll(() => lines.length).toBe(2);
    expect(lines[1]).toMatchObject({ failedWrites: 5001 });
    health.succeeded();
    expect(health.status.ok).toBe(true);
    await expect.poll(() => lines.length).toBe(3);
    health.close();
  });

  it('tells store conditions from other errors, which it leaves to the caller', () => {
    const { logger } = capture();
    const health = new StoreHealth(logger);
    expect(health.failed(sqliteError('SQLITE_READONLY_DBMOVED'))).toBe(true);
    expect(health.status.reason).toMatch(/cannot be written/);
    health.succeeded();
    expect(health.failed(sqliteError('SQLITE_CONSTRAINT_NOTNULL'))).toBe(false);
    expect(health.failed(new Error('something else'))).toBe(false);
    expect(health.status.ok).toBe(true);
    health.close();
  });

  it('probes while unhealthy and recovers by itself once the probe write succeeds', async () => {
    const { logger } = capture();
    let diskFull = true;
    const health = new StoreHealth(logger, {
      probeEveryMs: 10,
      probe: () => {
        if (diskFull) throw sqliteError('SQLITE_FULL');
      },
    });
    health.failed(sqliteError('SQLITE_FULL'));
    await new Promise((r) => setTimeout(r, 50));
    expect(health.status.ok).toBe(false);
    diskFull = false;
    await expect.poll(() => health.status.ok).toBe(true);
    health.close();
  });
});
