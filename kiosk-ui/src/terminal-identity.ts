const BOOT_KEY = 'fb-kiosk-boot';

/**
 * The terminal's identity for exactly-once answers: a boot counter kept in this browser and
 * increased at every start of the app (as a device's boot counter), and a seq per answer in the
 * boot, from 1. The uptime is the time since the boot began.
 *
 * A reload in the middle of a customer's survey run does not begin a new boot: the run's answers
 * must share one boot and one run id (their response is device/boot/r<run>), so the app goes on in
 * the kept run's boot, its seq after the run's last answer (never reusing a seq already sent).
 */
export class TerminalIdentity {
  readonly boot: number;
  /** when this boot began by this terminal's clock (the gateway corrects the clock's error) */
  readonly bootWallMs: number;
  private seq = 0;
  private readonly startedAt: number;

  constructor(resume?: { boot: number; bootWallMs: number; seq: number }) {
    const previous = Number(localStorage.getItem(BOOT_KEY) ?? '0');
    if (resume && resume.boot === previous) {
      this.boot = resume.boot;
      this.bootWallMs = resume.bootWallMs;
      this.seq = resume.seq;
      // uptime goes on from the boot's start, across the reload
      this.startedAt = performance.now() - Math.max(0, Date.now() - resume.bootWallMs);
      return;
    }
    this.boot = Number.isInteger(previous) && previous >= 0 && previous < 65535 ? previous + 1 : 1;
    localStorage.setItem(BOOT_KEY, String(this.boot));
    this.bootWallMs = Math.round(Date.now() - performance.now());
    this.startedAt = performance.now();
  }

  next(): { seq: number; uptimeMs: number } {
    return { seq: ++this.seq, uptimeMs: Math.round(performance.now() - this.startedAt) };
  }
}
