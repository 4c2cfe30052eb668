import type { AnswerWriter, WriteOutcome } from '../store/answer-writer.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import { AckWindow } from './ack-window.ts';
import { DeviceClock } from './device-clock.ts';
import type { MisuseRules } from './misuse.ts';
import { smileyScale, type FeedbackEvent, type IncomingPress } from './feedback-event.ts';

/** What the adapter sends back: the device's cumulative ack for its boot. */
export interface Ack {
  boot: number;
  upTo: number;
}

export type IngestOutcome = { outcome: WriteOutcome; ack: Ack } | { rejected: string; ack?: Ack };

export interface IngestDeps {
  writer: AnswerWriter;
  registry: DeviceRegistry;
  misuse: MisuseRules;
  /** seqs already stored for (device, boot): seeds the ack window after a restart */
  storedSeqs: (deviceId: string, boot: number) => number[];
  rejected: (reason: string) => void;
}

interface BootState {
  boot: number;
  clock: DeviceClock;
  acks: AckWindow;
}

/**
 * Validates a press against the device registry, dates it, flags misuse, and hands it to the
 * writer. Resolves once the answer is durable, with the cumulative ack the device may be sent.
 */
export class Ingest {
  private readonly boots = new Map<string, BootState>();

  constructor(private readonly deps: IngestDeps) {}

  /** The clock and ack window of a device's boot; a new boot replaces the previous one. */
  bootState(deviceId: string, boot: number): BootState {
    const current = this.boots.get(deviceId);
    if (current?.boot === boot) return current;
    const state = { boot, clock: new DeviceClock(), acks: new AckWindow(this.deps.storedSeqs(deviceId, boot)) };
    if (!current || boot > current.boot || boot === 0) this.boots.set(deviceId, state);
    return state;
  }

  async acceptPress(press: IncomingPress): Promise<IngestOutcome> {
    const device = this.deps.registry.get(press.deviceId);
    let reason: string | undefined;
    if (!device) reason = 'unknown-device';
    else if (press.siteId !== undefined && press.siteId !== device.siteId) reason = 'wrong-site';
    else if (press.buttons !== undefined && press.buttons !== device.buttons) reason = 'scale-mismatch';
    else if (press.button >= device.buttons) reason = 'bad-button';
    else if (press.seq === 0) reason = 'bad-seq';
    if (reason || !device) {
      this.deps.rejected(reason ?? 'unknown-device');
      // A press that can never be stored is handled for good: the ack moves past it.
      const ack = device && press.seq > 0 ? { boot: press.boot, upTo: this.bootState(press.deviceId, press.boot).acks.mark(press.seq) } : undefined;
      return ack ? { rejected: reason!, ack } : { rejected: reason! };
    }
    const state = this.bootState(press.deviceId, press.boot);
    state.clock.observe(press.receivedAt, press.uptimeMs);
    const occurredAt = state.clock.wallTime(press.uptimeMs, press.receivedAt);
    const event: FeedbackEvent = {
      deviceId: press.deviceId,
      boot: press.boot,
      seq: press.seq,
      siteId: device.siteId,
      pointId: device.pointId,
      scale: smileyScale(device.buttons),
      value: press.button,
      occurredAt,
      receivedAt: press.receivedAt,
      misuse: this.deps.misuse.isMisuse({
        deviceId: device.id,
        pointId: device.pointId,
        occurredAt,
        responseIntervalMs: device.responseIntervalMs,
        sessionMode: device.sessionMode,
      }),
      source: press.source,
    };
    const outcome = await this.deps.writer.submit(event);
    return { outcome, ack: { boot: press.boot, upTo: state.acks.mark(press.seq) } };
  }

  /** Any message from a device tells the clock about its boot. */
  observeUptime(deviceId: string, boot: number, uptimeMs: number, receivedAt: number): void {
    if (this.deps.registry.get(deviceId)) this.bootState(deviceId, boot).clock.observe(receivedAt, uptimeMs);
  }
}
