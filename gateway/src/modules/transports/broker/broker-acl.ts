import { createHash, timingSafeEqual } from 'node:crypto';
import { deviceTopic, type DeviceMessageName, type GatewayMessageName } from '@feedback/firmware-protocol';
import { matches } from './topic-filter.ts';

export interface BrokerIdentity {
  kind: 'device' | 'user';
  /** topic filters; a device's are exact topics */
  publish: string[];
  subscribe: string[];
  /** a device's exact topics, for a lookup per publish instead of filter matching */
  exact?: Set<string>;
}

export interface BrokerAclOptions {
  topicPrefix: string;
  devices: readonly { id: string; siteId: string; password?: string | undefined }[];
  users: { username: string; password: string; publish: string[]; subscribe: string[] }[];
  /** a device token (issued by an admin) as the device's password, besides a configured one */
  deviceSecretValid?: (deviceId: string, secret: Buffer) => boolean;
}

const digest = (s: string | Buffer) => createHash('sha256').update(s).digest();
const same = (a: string | Buffer, b: string) => timingSafeEqual(digest(a), digest(b));

const DEVICE_PUBLISH: DeviceMessageName[] = ['hello', 'press', 'answer', 'heartbeat', 'status'];
const DEVICE_SUBSCRIBE: GatewayMessageName[] = ['ack', 'config', 'error'];

/**
 * Who may connect to the embedded broker, and which topics each may publish and subscribe to.
 * The gateway itself is in-process and needs no credentials.
 */
export class BrokerAcl {
  constructor(private readonly options: BrokerAclOptions) {}

  /** The devices let in from now on (the settings changed); a device already connected stays until it disconnects. */
  setDevices(devices: BrokerAclOptions['devices']): void {
    this.options.devices = devices;
  }

  /** The identity for these credentials, or undefined when they are wrong. */
  authenticate(username: string | undefined, password: Buffer | undefined): BrokerIdentity | undefined {
    if (username === undefined || password === undefined) return undefined;
    const { devices, users, topicPrefix } = this.options;
    // A broker user (a chain-wide integration) comes first: a device given the same id never shadows it.
    const user = users.find((u) => u.username === username);
    if (user) return same(password, user.password) ? { kind: 'user', publish: user.publish, subscribe: user.subscribe } : undefined;
    const device = devices.find((d) => d.id === username);
    if (device) {
      const configured = device.password !== undefined && same(password, device.password);
      if (!configured && !this.options.deviceSecretValid?.(device.id, password)) return undefined;
      const publish = DEVICE_PUBLISH.map((m) => deviceTopic(topicPrefix, device.siteId, device.id, m));
      return {
        kind: 'device',
        publish,
        exact: new Set(publish),
        subscribe: DEVICE_SUBSCRIBE.map((m) => deviceTopic(topicPrefix, device.siteId, device.id, m)),
      };
    }
    return undefined;
  }

  /** The device a client id is reserved for: its own id, or `device-<id>` (the form the simulator uses). */
  reservedFor(clientId: string): string | undefined {
    const id = clientId.startsWith('device-') ? clientId.slice('device-'.length) : clientId;
    return this.options.devices.some((d) => d.id === id) ? id : this.options.devices.some((d) => d.id === clientId) ? clientId : undefined;
  }

  mayPublish(identity: BrokerIdentity, topic: string): boolean {
    if (identity.exact) return identity.exact.has(topic);
    return identity.publish.some((filter) => matches(filter, topic));
  }

  /** A device may subscribe only to exactly its own topics; users to filters inside theirs. */
  maySubscribe(identity: BrokerIdentity, filter: string): boolean {
    if (identity.kind === 'device') return identity.subscribe.includes(filter);
    return identity.subscribe.some((allowed) => matches(allowed, filter) || allowed === filter);
  }
}
