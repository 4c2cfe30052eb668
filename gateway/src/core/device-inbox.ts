import type { IncomingAnswer, IncomingPress } from './answer.ts';
import type { Transport } from './transport.ts';

/** The protocol's error codes: why the gateway will never store a message (PROTOCOL.md, error). */
export type RefusalCode = 'unsupportedVersion' | 'unknownType' | 'unknownDevice' | 'badValue' | 'busy';

/** The device's cumulative ack for one boot: every seq ≤ upTo is stored or refused for good. */
export interface Ack {
  boot: number;
  upTo: number;
}

/** What became of one press or answer; `ack`, when present, is what the device may be sent now. */
export type Delivery = { outcome: 'stored' | 'duplicate'; ack: Ack } | { outcome: 'refused'; reason: string; code: RefusalCode; ack?: Ack };

/** A press or answer the transport could read only as far as its identity: refused for good. */
export interface UnreadableMessage {
  deviceId: string;
  /** the site named by the transport (MQTT topic), checked against the device's */
  siteId?: string;
  boot: number;
  seq: number;
  reason: string;
  code: RefusalCode;
  transport: Transport;
}

export interface DeviceHello {
  deviceId: string;
  siteId?: string;
  transport: Transport;
  boot: number;
  buttons: number;
  model: string;
  firmware: string;
  receivedAt: number;
}

export interface DeviceHeartbeat {
  deviceId: string;
  siteId?: string;
  transport: Transport;
  boot: number;
  /** percent, null when mains powered */
  battery: number | null;
  /** dBm, null when wired */
  rssi: number | null;
  uptimeMs: number;
  /** presses the device counted since boot */
  presses: number;
  receivedAt: number;
}

export interface DeviceStatus {
  deviceId: string;
  siteId?: string;
  online: boolean;
  receivedAt: number;
}

/** What a device is told after its hello. */
export interface DeviceSettings {
  responseIntervalMs: number;
  led: boolean;
  sessionMode: boolean;
}

export type HelloReply = { settings: DeviceSettings } | { refused: string; code: RefusalCode };

/** Customers served at a point in a period, from a queue system, POS or people counter. */
export interface CustomersServed {
  pointId: string;
  from: number;
  to: number;
  count: number;
}

/** An off-the-shelf button as configured: where it speaks, and which action means which smiley. */
export interface OffTheShelfButton {
  deviceId: string;
  kind: 'zigbee2mqtt' | 'tasmota' | 'shelly';
  name: string;
  actions: Record<string, number>;
}

/**
 * The one port every device adapter hands its messages to; ingest implements it. An adapter
 * knows its transport and this port, nothing else: the inbox checks the device, stores, counts
 * refusals, updates the registry and tells the bus.
 */
export interface DeviceInbox {
  press(press: IncomingPress): Promise<Delivery>;
  answer(answer: IncomingAnswer): Promise<Delivery>;
  /** a press or answer the transport could not read beyond its identity */
  refuse(message: UnreadableMessage): Delivery;
  hello(hello: DeviceHello): HelloReply;
  /** false when the device is not one the gateway knows (counted) */
  heartbeat(heartbeat: DeviceHeartbeat): boolean;
  status(status: DeviceStatus): void;
  /** a record from a queue system: false when refused (counted, with the reason) */
  customersServed(record: CustomersServed, source: string): boolean;
  /**
   * When a terminal's boot began, on the gateway's clock (a kiosk measures it): answers of that
   * boot are then dated from it, even when they arrive long after they were given.
   */
  booted(deviceId: string, boot: number, bootWallMs: number, receivedAt: number): void;
  /** session ("invite") mode: the next press at the point counts */
  invite(pointId: string): void;
  /** input a transport could not read at all, counted by reason */
  drop(reason: string, detail?: Record<string, unknown>): void;
  offTheShelfButtons(): OffTheShelfButton[];
}

/** What the bus carries when a device speaks: screens show device health live from it. */
export interface DeviceSignal {
  deviceId: string;
  siteId: string;
  pointId: string;
  kind: 'hello' | 'heartbeat' | 'status' | 'refused';
  online: boolean;
  at: number;
  /** why a message was refused (kind refused) */
  reason?: string;
}
