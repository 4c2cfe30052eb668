import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { AckWindow } from '../src/modules/ingest/ack-window.ts';
import { DeviceClock } from '../src/modules/ingest/device-clock.ts';
import { MisuseRules } from '../src/modules/ingest/misuse.ts';
import { DropLog } from '../src/modules/transports/adapters/drop-log.ts';
import { createLogger } from '../src/platform/logging/logger.ts';

describe('AckWindow', () => {
  it('acknowledges the highest contiguous seq and waits for gaps to fill', () => {
    const w = new AckWindow();
    expect(w.mark(1)).toBe(1);
    expect(w.mark(3)).toBe(1);
    expect(w.mark(4)).toBe(1);
    expect(w.mark(2)).toBe(4);
    expect(w.mark(2)).toBe(4);
  });

  it('is seeded from seqs already stored, in any order', () => {
    expect(new AckWindow([3, 1, 2, 5]).upTo).toBe(3);
    expect(new AckWindow([]).upTo).toBe(0);
  });
});

describe('DeviceClock', () => {
  it('takes the earliest boot estimate, so a late retransmission keeps its press time', () => {
    const clock = new DeviceClock();
    clock.observe(1_000_000, 100_000); // boot at 900 000 or earlier
    clock.observe(1_060_000, 100_000); // a message 60 s late: a worse bound, ignored
    expect(clock.wallTime(40_000, 1_060_000)).toBe(940_000);
  });

  it('never dates a press after it was received', () => {
    const clock = new DeviceClock();
    clock.observe(1_000, 0);
    expect(clock.wallTime(5_000, 2_000)).toBe(2_000);
  });

  describe('across the 32-bit uptime wrap (every 49.7 days)', () => {
    const WRAP = 2 ** 32;
    const boot = Date.UTC(2026, 0, 1);
    const at = (uptime: number) => boot + uptime; // the true wall time of an uptime

    it('dates presses on both sides of the wrap, and a retransmission from before it that arrives after it', () => {
      const clock = new DeviceClock();
      clock.observe(at(1_000), 1_000);
      const before = WRAP - 5_000; // 5 s before the wrap
      clock.observe(at(before), before);
      expect(clock.wallTime(before, at(before))).toBe(at(before));
      const after = WRAP + 7_000; // 7 s after it: the device sends 7000
      clock.observe(at(after), after % WRAP);
      expect(clock.wallTime(after % WRAP, at(after))).toBe(at(after));
      // the press from before the wrap, retransmitted an hour later
      expect(clock.wallTime(before, at(after) + 3_600_000)).toBe(at(before));
    });

    it('also when the gateway first hears of the boot after the wrap (restarted meanwhile)', () => {
      const clock = new DeviceClock();
      const after = WRAP + 60_000;
      clock.observe(at(after), after % WRAP);
      expect(clock.wallTime(after % WRAP, at(after))).toBe(at(after));
      const before = WRAP - 60_000; // retransmitted from before the wrap
      expect(clock.wallTime(before, at(after) + 1_000)).toBe(at(before));
      const later = 2 * WRAP + 5_000; // and across the next wrap
      expect(clock.wallTime(later % WRAP, at(later))).toBe(at(later));
    });
  });
});

describe('MisuseRules', () => {
  const press = (
    deviceId: string,
    occurredAt: number,
    extra: Partial<{ responseIntervalMs: number; sessionMode: boolean; pointId: string }> = {},
  ) => ({
    deviceId,
    pointId: 'p',
    occurredAt,
    responseIntervalMs: 5000,
    sessionMode: false,
    ...extra,
  });

  it('flags presses within the response interval after the last counted one, per device', () => {
    const rules = new MisuseRules(() => undefined);
    expect(rules.isMisuse(press('a', 0))).toBe(false);
    expect(rules.isMisuse(press('a', 4999))).toBe(true);
    expect(rules.isMisuse(press('b', 4999))).toBe(false);
    // measured from the last *counted* press: 4999 was not counted, 5000 is 5 s after 0
    expect(rules.isMisuse(press('a', 5000))).toBe(false);
  });

  it('remembers the last counted press across a restart through the store', () => {
    const rules = new MisuseRules((id) => (id === 'a' ? 10_000 : undefined));
    expect(rules.isMisuse(press('a', 12_000))).toBe(true);
    expect(rules.isMisuse(press('a', 15_000))).toBe(false);
  });

  it('in session mode counts one press per invite', () => {
    const rules = new MisuseRules(() => undefined);
    const session = { sessionMode: true, responseIntervalMs: 0 };
    expect(rules.isMisuse(press('a', 0, session))).toBe(true);
    rules.invite('p');
    rules.invite('p');
    expect(rules.isMisuse(press('a', 1, session))).toBe(false);
    expect(rules.isMisuse(press('b', 2, session))).toBe(false);
    expect(rules.isMisuse(press('a', 3, session))).toBe(true);
  });
});

describe('DropLog', () => {
  it('counts every drop but logs each reason only once', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    const counts = new Map<string, number>();
    const drops = new DropLog(createLogger('info', sink), (reason) => counts.set(reason, (counts.get(reason) ?? 0) + 1));
    for (let i = 0; i < 100; i++) drops.drop('malformed-json');
    drops.drop('oversize');
    expect(counts.get('malformed-json')).toBe(100);
    expect(counts.get('oversize')).toBe(1);
    expect(lines.filter((l) => l.includes('malformed-json'))).toHaveLength(1);
    expect(lines).toHaveLength(2);
  });
});
