/** A device's uptime is a u32 of milliseconds: it wraps every 2^32 ms (49.7 days). */
const UPTIME_WRAP = 2 ** 32;

/**
 * Turns a device's uptime into wall-clock time. Every message gives an upper bound on when the
 * device booted (receive time − uptime, since transmission takes time ≥ 0); the smallest bound
 * seen in a boot is the best estimate, so a retransmitted press keeps the time it was pressed.
 *
 * The uptime is unwrapped first: of the values uptime + k·2^32, the one closest to the uptime
 * expected at reception (receive time − estimated boot) is taken. So a press just after a wrap is
 * dated after it, and a retransmission from before a wrap that arrives after it keeps its time,
 * as long as it arrives within 2^31 ms (24.8 days) of being pressed.
 */
export class DeviceClock {
  private bootWallMs = Number.POSITIVE_INFINITY;

  private unwrap(uptimeMs: number, receivedAt: number): number {
    if (this.bootWallMs === Number.POSITIVE_INFINITY) return uptimeMs;
    const expected = receivedAt - this.bootWallMs;
    return uptimeMs + Math.round((expected - uptimeMs) / UPTIME_WRAP) * UPTIME_WRAP;
  }

  observe(receivedAt: number, uptimeMs: number): void {
    this.bootWallMs = Math.min(this.bootWallMs, receivedAt - this.unwrap(uptimeMs, receivedAt));
  }

  /** Wall time of an event at `uptimeMs`, never later than it was received. */
  wallTime(uptimeMs: number, receivedAt: number): number {
    return Math.min(receivedAt, this.bootWallMs + this.unwrap(uptimeMs, receivedAt));
  }
}
