/**
 * Misuse rules (METRICS.md): a press on the same device within the response interval after the
 * previous counted press is misuse; in session mode only the first press after a point's
 * invite counts. Decided in arrival order.
 */
export class MisuseRules {
  private readonly lastCounted = new Map<string, number>();
  private readonly openInvites = new Map<string, number>();

  constructor(private readonly loadLastCounted: (deviceId: string) => number | undefined) {}

  /** Opens one rating at a point in session mode. */
  invite(pointId: string): void {
    this.openInvites.set(pointId, (this.openInvites.get(pointId) ?? 0) + 1);
  }

  /** Decides whether a press counts, and remembers it when it does. */
  isMisuse(press: { deviceId: string; pointId: string; occurredAt: number; responseIntervalMs: number; sessionMode: boolean }): boolean {
    if (!this.lastCounted.has(press.deviceId)) {
      const last = this.loadLastCounted(press.deviceId);
      if (last !== undefined) this.lastCounted.set(press.deviceId, last);
    }
    const last = this.lastCounted.get(press.deviceId);
    if (last !== undefined && Math.abs(press.occurredAt - last) < press.responseIntervalMs) return true;
    if (press.sessionMode) {
      const open = this.openInvites.get(press.pointId) ?? 0;
      if (open === 0) return true;
      this.openInvites.set(press.pointId, open - 1);
    }
    this.lastCounted.set(press.deviceId, Math.max(last ?? press.occurredAt, press.occurredAt));
    return false;
  }
}
