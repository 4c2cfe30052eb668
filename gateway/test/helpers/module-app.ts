import { EventBus } from '../../src/platform/events/bus.ts';
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type InjectOptions, type LightMyRequestResponse } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { accessControl } from '../../src/platform/http/access-control.ts';
import { answerErrors } from '../../src/platform/http/error-answers.ts';
import { TokenRepo } from '../../src/platform/auth/token-repo.ts';
import { UserRepo } from '../../src/platform/auth/user-repo.ts';
import type { Permission } from '../../src/platform/auth/access.ts';
import type { SiteConfig } from '../../src/platform/config/schema.ts';
import { storeFixture, type StoreFixture } from './store-fixture.ts';

export interface ModuleApp {
  app: FastifyInstance;
  store: StoreFixture;
  /** the Authorization header of a new integration token with these permissions (every site unless named) */
  bearer(scopes: Permission[], siteIds?: string[]): { authorization: string };
  /** app.inject with a JSON body when given one */
  call(method: InjectOptions['method'], url: string, headers: Record<string, string>, payload?: object): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * One module's routes on the platform the gateway gives them (access control, error answers), over
 * a real SQLite file in a temp dir: no port, no broker, no workers. `services` builds what the routes
 * declare they need from the store; callers reach the app through inject.
 */
export async function moduleApp<S>(options: {
  sites: SiteConfig[];
  points: { id: string; siteId: string }[];
  services: (store: StoreFixture) => S;
  routes: FastifyPluginAsyncTypebox<{ services: S }>[];
}): Promise<ModuleApp> {
  const store = storeFixture({ sites: options.sites, points: options.points });
  const bus = new EventBus();
  const tokens = new TokenRepo(store.db, bus);
  const users = new UserRepo(store.db, { sessionMs: 3_600_000, bus });
  const sources = {
    users,
    tokens,
    siteOfPoint: (pointId: string) => store.topology.siteOfPoint(pointId),
    siteOfDevice: (deviceId: string) => store.topology.siteOfDevice(deviceId),
  };
  const app = Fastify({ logger: false });
  await app.register(accessControl, { sources, csrfKey: randomBytes(32) });
  answerErrors(app);
  const services = options.services(store);
  for (const routes of options.routes) await app.register(routes, { services });
  await app.ready();
  return {
    app,
    store,
    bearer: (scopes, siteIds) => ({
      authorization: `Bearer ${tokens.create({ name: 'test', kind: 'integration', scopes, siteIds: siteIds ?? null, createdBy: 'test' }).token}`,
    }),
    call: (method, url, headers, payload) => app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) }),
    close: async () => {
      await app.close();
      users.close();
      store.close();
    },
  };
}
