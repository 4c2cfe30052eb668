const BOOT_KEY = 'fb-kiosk-boot';

/**
 * The terminal's identity for exactly-once answers: a boot counter kept in this browser and
 * increased at every start of the app (as a device's boot counter), and a seq per answer in the
 * boot, from 1. The uptime is the time since this start.
 */
export class TerminalIdentity {
  readonly boot: number;
  /** when this boot began by this terminal's clock (the gateway corrects the clock's error) */
  readonly bootWallMs = Math.round(Date.now() - performance.now());
  private seq = 0;
  private readonly startedAt = performance.now();

  constructor() {
    const previous = Number(localStorage.getItem(BOOT_KEY) ?? '0');
    this.boot = Number.isInteger(previous) && previous >= 0 && previous < 65535 ? previous + 1 : 1;
    localStorage.setItem(BOOT_KEY, String(this.boot));
  }

  next(): { seq: number; uptimeMs: number } {
    return { seq: ++this.seq, uptimeMs: Math.round(performance.now() - this.startedAt) };
  }
}
