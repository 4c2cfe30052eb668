import type { Device } from '../store/topology-repo.ts';
import type { AnswerWriter, WriteOutcome } from '../store/answer-writer.ts';
import { smileyScale, type FeedbackEvent, type IncomingPress } from './feedback-event.ts';

export type IngestOutcome = WriteOutcome | { rejected: string };

export interface IngestCounters {
  rejected(reason: string): void;
}

/**
 * Validates a press against the device registry, normalises it into a FeedbackEvent and hands it
 * to the writer. Resolves once the answer is durable, so the caller may acknowledge the device.
 */
export class Ingest {
  private devices = new Map<string, Device>();

  constructor(
    private readonly writer: AnswerWriter,
    private readonly counters: IngestCounters,
  ) {}

  setDevices(devices: Device[]): void {
    this.devices = new Map(devices.map((d) => [d.id, d]));
  }

  async acceptPress(press: IncomingPress): Promise<IngestOutcome> {
    const device = this.devices.get(press.deviceId);
    const reason = !device
      ? 'unknown-device'
      : press.siteId !== undefined && press.siteId !== device.siteId
        ? 'wrong-site'
        : device.buttons !== null && device.buttons !== press.buttons
          ? 'scale-mismatch'
          : undefined;
    if (reason || !device) {
      this.counters.rejected(reason ?? 'unknown-device');
      return { rejected: reason ?? 'unknown-device' };
    }
    const event: FeedbackEvent = {
      deviceId: press.deviceId,
      boot: press.boot,
      seq: press.seq,
      siteId: device.siteId,
      pointId: device.pointId,
      scale: smileyScale(press.buttons),
      value: press.button,
      occurredAt: press.receivedAt,
      receivedAt: press.receivedAt,
      misuse: false,
      source: press.source,
    };
    return this.writer.submit(event);
  }
}
