import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import type { BrokerAcl, BrokerIdentity } from './broker-acl.ts';
import { guardPacketSize } from './packet-size-guard.ts';
import { RetainedLedger } from './retained-ledger.ts';
import { ClientIdBook } from './client-id-book.ts';
import { FailureLockout } from '../../../platform/auth/failure-lockout.ts';

export interface EmbeddedBroker {
  url: string;
  port: number;
  aedes: Aedes;
  close(): Promise<void>;
}

export type BrokerRefusal =
  'bad-credentials' | 'acl-publish' | 'acl-subscribe' | 'packet-too-large' | 'retained-limit' | 'client-id-taken' | 'connects-throttled';

export interface BrokerLimits {
  maxPacketBytes: number;
  maxRetainedPerClient: number;
  maxRetainedTotal: number;
  maxFailedConnectsPerMinute: number;
  blockSeconds: number;
}

export const DEFAULT_BROKER_LIMITS: BrokerLimits = {
  maxPacketBytes: 64 * 1024,
  maxRetainedPerClient: 50,
  maxRetainedTotal: 10_000,
  maxFailedConnectsPerMinute: 10,
  blockSeconds: 60,
};

export interface EmbeddedBrokerOptions {
  host: string;
  port: number;
  /** when absent, anyone may connect and publish anywhere (the packet size limit still holds) */
  acl?: BrokerAcl | undefined;
  limits?: BrokerLimits;
  /** called for each refused connection, packet, publish or subscription, with who and from where */
  onDenied?: (
    reason: BrokerRefusal,
    detail: { username?: string | undefined; address?: string | undefined; clientId?: string | undefined },
  ) => void;
  clock?: () => number;
}

/** MQTT 3.1.1 CONNACK return codes (MQTT 5 clients get the matching reason codes from aedes). */
const RETURN_CODE = { identifierRejected: 2, serverUnavailable: 3, badCredentials: 4 } as const;

function refusal(message: string, returnCode: number): AuthenticateError {
  const error = new Error(message) as AuthenticateError;
  error.returnCode = returnCode;
  return error;
}

const addressOf = (client: Client) => (client.conn as { remoteAddress?: string }).remoteAddress;

/** Starts the embedded aedes MQTT broker on host:port (0 for any free port). */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const aedes = await Aedes.createBroker();
  const { acl, onDenied } = options;
  const limits = options.limits ?? DEFAULT_BROKER_LIMITS;
  if (acl) {
    const identities = new WeakMap<Client, BrokerIdentity & { username: string }>();
    const retained = new RetainedLedger(limits.maxRetainedPerClient, limits.maxRetainedTotal);
    const clientIds = new ClientIdBook((clientId) => acl.reservedFor(clientId));
    const failures = new FailureLockout({
      maxFailures: limits.maxFailedConnectsPerMinute,
      windowMs: 60_000,
      lockoutMs: limits.blockSeconds * 1000,
      clock: options.clock,
    });
    aedes.authenticate = (client, username, password, done) => {
      const address = addressOf(client) ?? 'unknown';
      const who = { username, address, clientId: client.id };
      if (failures.retryAfterMs(address) > 0) {
        onDenied?.('connects-throttled', who);
        return done(refusal('Too many failed connects from this address; try later', RETURN_CODE.serverUnavailable), null);
      }
      const identity = acl.authenticate(username, password);
      if (!identity || username === undefined) {
        failures.failed(address);
        onDenied?.('bad-credentials', who);
        return done(refusal('Bad user name or password', RETURN_CODE.badCredentials), null);
      }
      if (!clientIds.claim(client.id, username)) {
        onDenied?.('client-id-taken', who);
        return done(refusal(`Client id "${client.id}" belongs to another user`, RETURN_CODE.identifierRejected), null);
      }
      identities.set(client, { ...identity, username });
      done(null, true);
    };
    aedes.authorizePublish = (client, packet, callback) => {
      if (!client) return callback(null);
      const identity = identities.get(client);
      const who = { username: identity?.username, address: addressOf(client), clientId: client.id };
      if (!identity || !acl.mayPublish(identity, packet.topic)) {
        onDenied?.('acl-publish', who);
        return callback(new Error(`not allowed to publish to ${packet.topic}`));
      }
      if (packet.retain && !retained.record(packet.topic, identity.username, packet.payload.length === 0)) {
        onDenied?.('retained-limit', who);
        return callback(new Error('retained message limit reached'));
      }
      callback(null);
    };
    aedes.authorizeSubscribe = (client, subscription, callback) => {
      const identity = identities.get(client);
      if (identity && acl.maySubscribe(identity, subscription.topic)) return callback(null, subscription);
      onDenied?.('acl-subscribe', { username: identity?.username, address: addressOf(client), clientId: client.id });
      callback(null, null); // SUBACK failure for this filter; the connection stays up
    };
  }
  // noDelay: acks are small writes; with Nagle's algorithm they wait for the peer's delayed ACK (~40 ms).
  const server: Server = createServer({ noDelay: true }, (socket) => {
    guardPacketSize(socket, limits.maxPacketBytes, () => onDenied?.('packet-too-large', { address: socket.remoteAddress }));
    aedes.handle(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const connectHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  return {
    url: `mqtt://${connectHost}:${actualPort}`,
    port: actualPort,
    aedes,
    close: async () => {
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
