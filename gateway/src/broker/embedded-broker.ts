import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import type { BrokerAcl, BrokerIdentity } from './broker-acl.ts';

export interface EmbeddedBroker {
  url: string;
  port: number;
  aedes: Aedes;
  close(): Promise<void>;
}

export interface EmbeddedBrokerOptions {
  host: string;
  port: number;
  /** when absent, anyone may connect and publish anywhere */
  acl?: BrokerAcl | undefined;
  /** called for each refused connection, publish or subscription */
  onDenied?: (reason: 'bad-credentials' | 'acl-publish' | 'acl-subscribe') => void;
}

/** Starts the embedded aedes MQTT broker on host:port (0 for any free port). */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const aedes = await Aedes.createBroker();
  const { acl, onDenied } = options;
  if (acl) {
    const identities = new WeakMap<Client, BrokerIdentity>();
    aedes.authenticate = (client, username, password, done) => {
      const identity = acl.authenticate(username, password);
      if (!identity) {
        onDenied?.('bad-credentials');
        const error = new Error('Bad user name or password') as AuthenticateError;
        error.returnCode = 4;
        return done(error, null);
      }
      identities.set(client, identity);
      done(null, true);
    };
    aedes.authorizePublish = (client, packet, callback) => {
      const identity = client ? identities.get(client) : undefined;
      if (!client || (identity && acl.mayPublish(identity, packet.topic))) return callback(null);
      onDenied?.('acl-publish');
      callback(new Error(`not allowed to publish to ${packet.topic}`));
    };
    aedes.authorizeSubscribe = (client, subscription, callback) => {
      const identity = identities.get(client);
      if (identity && acl.maySubscribe(identity, subscription.topic)) return callback(null, subscription);
      onDenied?.('acl-subscribe');
      callback(null, null); // SUBACK failure for this filter; the connection stays up
    };
  }
  // noDelay: acks are small writes; with Nagle's algorithm they wait for the peer's delayed ACK (~40 ms).
  const server: Server = createServer({ noDelay: true }, aedes.handle);
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
