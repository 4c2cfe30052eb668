import Database from 'better-sqlite3';
import type { SimulatedButton } from '@feedback/firmware-protocol';

/** Devices pressing as fast as the event loop lets them, until stopped. */
export class PressingCrowd {
  private running = true;
  private readonly loops: Promise<void>[];

  constructor(
    readonly buttons: SimulatedButton[],
    pauseMs = 5,
  ) {
    this.loops = buttons.map(async (b) => {
      while (this.running) {
        b.press();
        await new Promise((r) => setTimeout(r, pauseMs));
      }
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  sent(): number {
    return this.buttons.reduce((n, b) => n + b.getStats().sent, 0);
  }
}

/**
 * Checks a database against what the devices saw: every press each device sent is stored exactly
 * once (so every acknowledged one is), with nothing extra. Returns the number of presses checked.
 */
export function expectExactlyOnce(dbFile: string, buttons: SimulatedButton[]): { stored: number; acknowledged: number } {
  const db = new Database(dbFile, { readonly: true });
  try {
    let stored = 0;
    let acknowledged = 0;
    for (const b of buttons) {
      const rows = db
        .prepare('SELECT seq, COUNT(*) AS n FROM answers WHERE device_id = ? AND boot = ? GROUP BY seq ORDER BY seq')
        .all(b.deviceId, b.boot) as {
        seq: number;
        n: number;
      }[];
      const sent = b.getStats().sent;
      const seqs = rows.map((r) => r.seq);
      if (rows.some((r) => r.n !== 1)) throw new Error(`${b.deviceId}: a press is stored more than once`);
      const expected = Array.from({ length: sent }, (_, i) => i + 1);
      if (seqs.length !== sent || seqs.some((s, i) => s !== expected[i])) {
        const missing = expected.filter((s) => !seqs.includes(s));
        throw new Error(`${b.deviceId}: sent ${sent}, stored ${seqs.length}; missing ${missing.slice(0, 10).join(',')}`);
      }
      const acked = new Set(b.acknowledged());
      if (acked.size !== sent) throw new Error(`${b.deviceId}: ${sent - acked.size} presses never acknowledged`);
      stored += seqs.length;
      acknowledged += acked.size;
    }
    return { stored, acknowledged };
  } finally {
    db.close();
  }
}
