import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../platform/config/schema.ts';
import { createLogger } from '../platform/logging/logger.ts';
import type { Feature, FeatureModule } from '../platform/modules/feature-module.ts';
import { devicesModule } from '../modules/devices/module.ts';
import { staffModule } from '../modules/staff/module.ts';
import { trafficModule } from '../modules/traffic/module.ts';
import { ingestModule } from '../modules/ingest/module.ts';
import { surveysModule } from '../modules/surveys/module.ts';
import { transportsModule } from '../modules/transports/module.ts';
import { indicesModule } from '../modules/indices/module.ts';
import { answersModule } from '../modules/answers/module.ts';
import { alertsModule } from '../modules/alerts/module.ts';
import { casesModule } from '../modules/cases/module.ts';
import { reviewsModule } from '../modules/reviews/module.ts';
import { reportsModule } from '../modules/reports/module.ts';
import { emotionModule } from '../modules/emotion/module.ts';
import { accountsModule } from '../modules/accounts/module.ts';
import { settingsModule } from '../modules/settings/module.ts';
import { liveModule } from '../modules/live/module.ts';
import { openPlatform } from './open-platform.ts';
import { httpApp } from './http-app.ts';
import { startDemoFleet } from './demo-fleet.ts';

export { DATABASE_FILE } from './open-platform.ts';
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface Gateway {
  httpUrl: string;
  mqttUrl: string;
  logger: Logger;
  /** set when a first admin password was generated into the data folder */
  initialPasswordFile: string | undefined;
  demo: boolean;
  /** every HTTP route with the access it declares */
  routeAccess(): { method: string; url: string; access: string | undefined }[];
  /** an HTTP request straight into the app, without the network (fastify's inject), for tests */
  inject: FastifyInstance['inject'];
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** benchmarks only (gateway/scripts/bench-server.ts): store answers without rollups, to measure what the rollups cost */
  withoutRollups?: boolean;
  /** benchmarks only: store answers without `responses` and the response rollups (implied by withoutRollups) */
  withoutResponses?: boolean;
}

/** Opens the platform, builds the modules in list order and starts them in that order; the handle stops everything in reverse. */
export async function startGateway(baseConfig: Config, options: StartOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? createLogger(baseConfig.log.level);
  const stops: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        logger.error({ err: error }, 'error while stopping');
      }
    }
    stops.length = 0;
  };

  try {
    const platform = await openPlatform(
      baseConfig,
      {
        logger,
        withoutRollups: options.withoutRollups === true,
        withoutResponses: options.withoutRollups === true || options.withoutResponses === true,
      },
      stops,
    );
    const p = platform.parts;
    const { config, db, storeHealth } = p;

    // The modules, in order: each is given the services of those before it that it declares.
    const modules: FeatureModule[] = [];
    const use = <S>(feature: Feature<S>): S => {
      modules.push(feature);
      return feature.services;
    };
    const devices = use(devicesModule(p));
    const staff = use(staffModule(p));
    const traffic = use(trafficModule(p));
    const ingest = use(ingestModule(p, { ...devices, ...traffic, ...staff }));
    const surveys = use(surveysModule(p, { ...devices, ...ingest, ...staff }));
    const transports = use(transportsModule(p, { ...ingest, ...devices, ...surveys }));
    const indices = use(indicesModule(p, { ...staff, ...traffic, ...ingest, ...devices }));
    const answers = use(answersModule(p, devices));
    use(alertsModule(p, indices));
    const cases = use(casesModule(p, ingest));
    const reviews = use(reviewsModule(p, cases));
    use(reportsModule(p, { ...indices, ...cases, ...reviews, ...ingest, ...staff }));
    const emotion = use(emotionModule(p));
    use(accountsModule(p));
    use(settingsModule(p));
    use(liveModule(p, { ...indices, ...answers, ...ingest }));

    for (const module of modules) {
      for (const subscribe of module.subscriptions ?? []) stops.push(subscribe(p.bus));
      if (module.stop) stops.push(() => module.stop?.());
      await module.start?.();
    }
    // A settings change, from any door, asks every module's hooks and applies them in module order.
    for (const hook of modules.flatMap((module) => module.settingsHooks ?? [])) stops.push(p.catalog.addHook(hook));

    const tls = config.http.tls;
    const app = Fastify({
      loggerInstance: logger,
      bodyLimit: config.http.bodyLimitBytes,
      forceCloseConnections: true,
      ...(tls ? { https: { cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) } } : {}),
    }).withTypeProvider<TypeBoxTypeProvider>();
    await app.register(httpApp, {
      csrfKey: platform.csrfKey,
      principals: p.principals,
      audit: p.audit,
      metrics: p.metrics,
      health: () => {
        const store = storeHealth.status;
        return {
          store: db.open && store.ok,
          broker: transports.brokerConnected(),
          storeProblem: db.open ? store.reason : 'the database is closed',
        };
      },
      cameras: emotion.cameras,
      uiRoot: REPO_ROOT,
      routes: modules.flatMap((module) => module.routes ?? []),
    });
    await app.ready();
    await app.listen({ host: config.http.host, port: config.http.port });
    stops.push(() => app.close());
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.http.port;
    const host = config.http.host === '0.0.0.0' || config.http.host === '::' ? 'localhost' : config.http.host;
    const mqttUrl = transports.mqttUrl();
    if (platform.demo) stops.push(await startDemoFleet(config, mqttUrl, logger));

    const httpUrl = `${tls ? 'https' : 'http'}://${host}:${port}`;
    const { initialPasswordFile, demo } = platform;
    return {
      httpUrl,
      mqttUrl,
      logger,
      initialPasswordFile,
      demo,
      routeAccess: () => app.routeAccess(),
      inject: app.inject.bind(app) as FastifyInstance['inject'],
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
