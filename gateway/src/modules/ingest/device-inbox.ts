import { responseKeyOf, type IncomingAnswer, type IncomingPress } from '../../core/answer.ts';
import type {
  CustomersServed,
  Delivery,
  DeviceHeartbeat,
  DeviceHello,
  DeviceInbox,
  DeviceSignal,
  DeviceStatus,
  HelloReply,
  OffTheShelfButton,
  UnreadableMessage,
} from '../../core/device-inbox.ts';
import type { DeviceRegistry, KnownDevice } from '../devices/device-registry.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { CustomersRepo } from '../traffic/customers-repo.ts';
import { Ingest, type IngestDeps } from './ingest.ts';
import type { SurveyAnswer, SurveyChannel, SurveyIntake } from './survey-answer.ts';
import type { LossRepo } from './loss-repo.ts';

export interface InboxDeps extends Omit<IngestDeps, 'refused' | 'registry'> {
  registry: DeviceRegistry;
  customers: CustomersRepo;
  bus: EventBus;
  /** where responses known lost are kept (the collection rate) */
  losses: LossRepo;
  /** counts (and rate-limits the logging of) input that was not accepted */
  drop: (reason: string, detail?: Record<string, unknown>) => void;
}

/**
 * Ingest's side of the device inbox: every adapter hands its messages here. It checks the device
 * (and the site its transport named), stores presses and answers through ingest, keeps the
 * registry up to date and tells the bus, so screens see device health as it happens.
 */
export class IngestInbox implements DeviceInbox, SurveyIntake {
  private readonly ingest: Ingest;
  /** the button count each device announced in the hello of its current boot */
  private readonly announced = new Map<string, { boot: number; buttons: number }>();

  constructor(private readonly deps: InboxDeps) {
    this.ingest = new Ingest({ ...deps, refused: (reason, m) => this.refused(reason, m) });
  }

  press(press: IncomingPress): Promise<Delivery> {
    // A transport without a button count in each press (serial) is held to what its hello announced.
    const announced = this.announced.get(press.deviceId);
    const checked = press.buttons === undefined && announced?.boot === press.boot ? { ...press, buttons: announced.buttons } : press;
    return this.ingest.acceptPress(checked).then((d) => this.counted(d, press));
  }

  answer(answer: IncomingAnswer): Promise<Delivery> {
    return this.ingest.acceptAnswer(answer).then((d) => {
      if (d.outcome === 'refused' && answer.source === 'kiosk') this.recordDropped(answer);
      return this.counted(d, answer);
    });
  }

  /**
   * A kiosk deletes what the gateway refuses for good, so a refused answer is a dropped one. The
   * loss is kept under its response's key: the run counts as lost only while none of its answers is
   * stored (the collection rate's reader checks), and a resent refusal is the same loss.
   */
  private recordDropped(answer: IncomingAnswer): void {
    const device = this.deps.registry.get(answer.deviceId);
    if (!device) return;
    const key = responseKeyOf(answer.deviceId, answer.boot, answer.seq, answer.run);
    this.deps.losses.add({ key, kind: 'kioskDropped', siteId: device.siteId, pointId: device.pointId, count: 1, at: answer.receivedAt });
  }

  /** A survey answer from a channel that is not a registered device (a phone): the same checks, misuse rule and writer as a terminal's. */
  surveyAnswer(channel: SurveyChannel, answer: SurveyAnswer): Promise<Delivery> {
    return this.ingest.surveyAnswer(channel, answer);
  }

  private counted(delivery: Delivery, m: { deviceId: string; boot: number }): Delivery {
    if (delivery.outcome === 'duplicate') this.deps.registry.count(m.deviceId, m.boot, 'duplicate');
    return delivery;
  }

  refuse(m: UnreadableMessage): Delivery {
    const device = this.deps.registry.get(m.deviceId);
    const known = device !== undefined && (m.siteId === undefined || m.siteId === device.siteId);
    return this.ingest.refuse(m.reason, m, known, m.code);
  }

  hello(hello: DeviceHello): HelloReply {
    const device = this.known(hello);
    if (!device) return { refused: 'unknown-device', code: 'unknownDevice' };
    this.deps.registry.recordHello(hello.deviceId, hello.transport, hello, hello.receivedAt);
    this.signal(device, 'hello', true, hello.receivedAt);
    if (device.surveyId === undefined) {
      this.announced.set(hello.deviceId, { boot: hello.boot, buttons: hello.buttons });
      if (hello.buttons !== device.buttons) {
        this.deps.drop('hello-mismatch', { deviceId: hello.deviceId, announced: hello.buttons, configured: device.buttons });
        return { refused: 'hello-mismatch', code: 'badValue' };
      }
    }
    return { settings: { responseIntervalMs: device.responseIntervalMs, led: true, sessionMode: device.sessionMode } };
  }

  heartbeat(hb: DeviceHeartbeat): boolean {
    const device = this.known(hb);
    if (!device) return false;
    this.ingest.observeUptime(hb.deviceId, hb.boot, hb.uptimeMs, hb.receivedAt);
    this.deps.registry.recordHeartbeat(hb.deviceId, hb.transport, hb, hb.receivedAt);
    if (device.surveyId === undefined) this.recordGaps(device, hb);
    this.signal(device, 'heartbeat', true, hb.receivedAt);
    return true;
  }

  /**
   * A button's presses are its responses: those its counter made in this boot that were neither
   * stored nor refused are lost (PROTOCOL.md), kept per boot at the latest heartbeat's figure, so a
   * late retransmission that fills a gap takes the loss back. What was received before this
   * heartbeat is written first, so that presses still queued for the disk are not taken for lost.
   */
  private recordGaps(device: KnownDevice, hb: DeviceHeartbeat): void {
    this.deps.writer.flush();
    const count = this.deps.registry.lostInBoot(hb.deviceId, hb.boot, hb.presses);
    const key = `${hb.deviceId}/${hb.boot}`;
    this.deps.losses.set({ key, kind: 'sequenceGaps', siteId: device.siteId, pointId: device.pointId, count, at: hb.receivedAt });
  }

  status(status: DeviceStatus): void {
    const device = this.known(status);
    if (!device) return;
    this.deps.registry.recordStatus(status.deviceId, status.online, status.receivedAt);
    this.signal(device, 'status', status.online, status.receivedAt);
  }

  customersServed(record: CustomersServed, source: string): boolean {
    if (this.deps.customers.problem(record)) {
      this.deps.drop('customers-invalid', { pointId: record.pointId });
      return false;
    }
    try {
      this.deps.customers.record(record, source);
      return true;
    } catch {
      this.deps.drop('customers-not-stored', { pointId: record.pointId });
      return false;
    }
  }

  booted(deviceId: string, boot: number, bootWallMs: number, receivedAt: number): void {
    // an upper bound on the boot's start, as any message gives; a boot claimed after the request arrived is ignored
    if (bootWallMs <= receivedAt && this.deps.registry.get(deviceId))
      this.ingest.observeUptime(deviceId, boot, receivedAt - bootWallMs, receivedAt);
  }

  invite(pointId: string): void {
    this.deps.misuse.invite(pointId);
  }

  drop(reason: string, detail?: Record<string, unknown>): void {
    this.deps.drop(reason, detail);
  }

  offTheShelfButtons(): OffTheShelfButton[] {
    return this.deps.registry
      .all()
      .flatMap((d) => (d.source ? [{ deviceId: d.id, kind: d.source.kind, name: d.source.name, actions: d.source.actions }] : []));
  }

  /** The configured device, if the message's site (where the transport names one) is its own; otherwise counted. */
  private known(m: { deviceId: string; siteId?: string }): KnownDevice | undefined {
    const device = this.deps.registry.get(m.deviceId);
    if (!device) this.deps.drop('unknown-device', { deviceId: m.deviceId });
    else if (m.siteId !== undefined && m.siteId !== device.siteId) this.deps.drop('wrong-site', { deviceId: m.deviceId });
    else return device;
    return undefined;
  }

  /** Counts a refused press or answer (per boot, for a device the gateway knows) and tells the bus. */
  private refused(reason: string, m: { deviceId: string; boot: number }): void {
    const { deviceId } = m;
    this.deps.drop(reason, { deviceId });
    const device = this.deps.registry.get(deviceId);
    if (!device) return;
    this.deps.registry.count(deviceId, m.boot, `refused:${reason}`);
    this.signal(device, 'refused', true, Date.now(), reason);
  }

  private signal(device: KnownDevice, kind: DeviceSignal['kind'], online: boolean, at: number, reason?: string): void {
    this.deps.bus.emit('device:signal', {
      deviceId: device.id,
      siteId: device.siteId,
      pointId: device.pointId,
      kind,
      online,
      at,
      ...(reason ? { reason } : {}),
    });
  }
}
