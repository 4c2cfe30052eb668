import type { Db } from '../../platform/store/db.ts';

/** What the store remembers per device that ingest needs after a restart. */
export class DeviceHistory {
  private readonly seqsStmt;
  private readonly lastCountedStmt;

  constructor(db: Db) {
    this.seqsStmt = db.prepare('SELECT seq FROM answers WHERE device_id = ? AND boot = ?').pluck();
    this.lastCountedStmt = db.prepare('SELECT MAX(occurred_at) FROM answers WHERE device_id = ? AND misuse = 0').pluck();
  }

  storedSeqs(deviceId: string, boot: number): number[] {
    return this.seqsStmt.all(deviceId, boot) as number[];
  }

  lastCounted(deviceId: string): number | undefined {
    return (this.lastCountedStmt.get(deviceId) as number | null) ?? undefined;
  }
}
