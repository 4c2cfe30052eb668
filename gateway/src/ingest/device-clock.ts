/**
 * Turns a device's uptime into wall-clock time. Every message gives an upper bound on when the
 * device booted (receive time − uptime, since transmission takes time ≥ 0); the smallest bound
 * seen in a boot is the best estimate, so a retransmitted press keeps the time it was pressed.
 */
export class DeviceClock {
  private bootWallMs = Number.POSITIVE_INFINITY;

  observe(receivedAt: number, uptimeMs: number): void {
    this.bootWallMs = Math.min(this.bootWallMs, receivedAt - uptimeMs);
  }

  /** Wall time of an event at `uptimeMs`, never later than it was received. */
  wallTime(uptimeMs: number, receivedAt: number): number {
    return Math.min(receivedAt, this.bootWallMs + uptimeMs);
  }
}
