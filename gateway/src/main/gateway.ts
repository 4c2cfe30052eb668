import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ButtonFleet } from '@feedback/firmware-protocol';
import type { Config } from '../platform/config/schema.ts';
import { createLogger } from '../platform/logging/logger.ts';
import { openDatabase, closeDatabase, probeWrite } from '../platform/store/database.ts';
import { lockDataDir, prepareDataDir } from '../platform/store/data-dir.ts';
import { StoreHealth, storeProblem } from '../platform/store/store-health.ts';
import { TopologyRepo } from '../platform/settings/topology-repo.ts';
import { AnswerWriter } from '../modules/ingest/answer-writer.ts';
import { AnswerExport } from '../modules/answers/answer-export-repo.ts';
import { AnswerQueries } from '../modules/answers/answer-query-repo.ts';
import { indexServiceOn } from '../modules/indices/index-service-on.ts';
import { EventBus } from '../platform/events/bus.ts';
import { IngestInbox } from '../modules/ingest/device-inbox.ts';
import { MisuseRules } from '../modules/ingest/misuse.ts';
import { DeviceRegistry } from '../modules/devices/device-registry.ts';
import { DeviceRepo } from '../modules/devices/device-repo.ts';
import { DeviceHistory } from '../modules/ingest/device-history-repo.ts';
import { ShiftRepo } from '../modules/staff/shift-repo.ts';
import { CustomersRepo } from '../modules/traffic/customers-repo.ts';
import { AlertRepo } from '../modules/alerts/alert-repo.ts';
import { AlertEngine, rulesOf } from '../modules/alerts/alert-engine.ts';
import { WebhookSender } from '../modules/alerts/webhooks.ts';
import { PairingCodes } from '../platform/auth/pairing-codes.ts';
import { WebhookDeliveryRepo } from '../modules/alerts/webhook-delivery-repo.ts';
import { EmotionWindowRepo } from '../modules/emotion/emotion-window-repo.ts';
import { CameraMonitor } from '../modules/emotion/camera-monitor.ts';
import { createMetrics } from '../platform/metrics/metrics.ts';
import { DropLog } from '../modules/transports/adapters/drop-log.ts';
import { startTransports } from '../modules/transports/start-transports.ts';
import { UserRepo } from '../platform/auth/user-repo.ts';
import { TokenRepo } from '../platform/auth/token-repo.ts';
import { LoginThrottle } from '../platform/auth/login-throttle.ts';
import { installationSecret } from '../platform/auth/installation-secret.ts';
import { ensureFirstAdmin } from '../platform/auth/first-admin.ts';
import { PointSummaries } from '../modules/indices/point-summaries.ts';
import { attachRealtime } from '../modules/live/realtime.ts';
import { startClosedLoop } from './closed-loop.ts';
import { PhoneSurveys } from '../modules/surveys/phone-surveys.ts';
import { SurveyCodeRepo } from '../modules/surveys/survey-code-repo.ts';
import { httpApp } from './http-app.ts';
import { LiveCatalog } from '../platform/settings/live-catalog.ts';
import { CatalogRepo } from '../platform/settings/catalog-repo.ts';
import { AuditRepo } from '../platform/settings/audit-repo.ts';
import { demoEnabled, withDemoTopology, DEMO_SITE_ID, DEMO_POINT_ID, DEMO_DEVICE_PASSWORD } from './demo-topology.ts';

export const DATABASE_FILE = 'feedback.db';
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
}

/** Starts every part of the gateway in order and returns a handle that stops them in reverse. */
export async function startGateway(baseConfig: Config, options: StartOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? createLogger(baseConfig.log.level);
  const dataDir = resolve(baseConfig.dataDir);
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
    prepareDataDir(dataDir);
    const lock = lockDataDir(dataDir);
    stops.push(() => lock.release());
    const db = openDatabase(join(dataDir, DATABASE_FILE), undefined, baseConfig.store);
    stops.push(() => closeDatabase(db));
    // The catalog (sites, points, devices, surveys, alert rules, webhooks) lives in the database; the file seeds it once.
    const audit = new AuditRepo(db);
    let demo: boolean | undefined;
    const catalog = new LiveCatalog({
      repo: new CatalogRepo(db),
      audit,
      file: baseConfig,
      decorate: (merged) => {
        // decided once, at start: the simulated buttons run (or not) until the next start
        demo ??= demoEnabled(merged);
        return demo ? withDemoTopology(merged) : merged;
      },
    });
    const config = catalog.config;
    const storeHealth = new StoreHealth(logger.child({ part: 'store' }), { probe: () => probeWrite(db) });
    stops.push(() => storeHealth.close());
    const topology = new TopologyRepo(db);
    topology.sync(config.sites, config.points, config.devices);
    const users = new UserRepo(db, config.auth.sessionHours * 3600_000);
    const tokens = new TokenRepo(db);
    const { auth } = config;
    const loginThrottle = new LoginThrottle({
      maxPerUser: auth.maxFailuresPerUser,
      maxPerAddress: auth.maxFailuresPerAddress,
      windowMs: auth.windowMinutes * 60_000,
      lockoutMs: auth.lockoutMinutes * 60_000,
    });
    const principals = {
      users,
      tokens,
      siteOfPoint: (pointId: string) => topology.siteOfPoint(pointId),
      siteOfDevice: (deviceId: string) => topology.siteOfDevice(deviceId),
    };
    const initialPasswordFile = await ensureFirstAdmin(users, dataDir, config.auth.initialAdminPassword);

    const metrics = createMetrics();
    const bus = new EventBus();
    const withoutRollups = options.withoutRollups === true;
    if (withoutRollups) logger.warn('started without rollups (a benchmark): answers are stored but no index will count them');
    const writer = new AnswerWriter(db, {
      withoutRollups,
      health: storeHealth,
      onCommit: (stored, batchSize) => {
        metrics.answersStored.inc(stored.length);
        metrics.answersDuplicate.inc(batchSize - stored.length);
        metrics.commitBatch.observe(batchSize);
        if (stored.length > 0) bus.emit('answers:stored', stored);
      },
    });
    stops.push(() => writer.close());
    const drops = new DropLog(logger, (reason) => metrics.inputDropped.inc({ reason }));
    const registry = new DeviceRegistry(new DeviceRepo(db), config.devicesPolicy.offlineAfterMs);
    registry.load(config);
    const flushCounts = () => {
      try {
        registry.flushCounts();
      } catch (error) {
        if (!storeProblem(error)) logger.error({ err: error }, 'device counts not written; kept for the next try');
      }
    };
    const countsTimer = setInterval(flushCounts, 5000).unref();
    stops.push(() => {
      clearInterval(countsTimer);
      if (db.open) flushCounts();
    });
    const history = new DeviceHistory(db);
    const misuse = new MisuseRules((deviceId) => history.lastCounted(deviceId));
    const shifts = new ShiftRepo(db);
    const customers = new CustomersRepo(db, (pointId) => topology.points().some((p) => p.id === pointId));
    const inbox = new IngestInbox({
      writer,
      registry,
      customers,
      bus,
      misuse,
      storedSeqs: (deviceId, boot) => history.storedSeqs(deviceId, boot),
      staffAt: (pointId, ms) => shifts.staffAt(pointId, ms),
      surveys: config.surveys,
      drop: (reason, detail) => drops.drop(reason, detail),
    });
    // the devices the embedded broker lets in; replaced in place when the settings change
    const brokerDevicesOf = () => registry.all().map((d) => ({ id: d.id, siteId: d.siteId, password: d.mqttPassword }));
    const brokerDevices = brokerDevicesOf();
    const surveyCodes = new SurveyCodeRepo(db);
    const transports = await startTransports(config, {
      inbox,
      logger,
      brokerDevices,
      surveyCodes: {
        issueOnce: (pointId, validMinutes) => {
          if (!topology.siteOfPoint(pointId)) return undefined;
          const at = Date.now();
          const expiresAt = at + validMinutes * 60_000;
          return { code: surveyCodes.issue({ pointId, kind: 'once', expiresAt, by: 'mqtt', at }).code, expiresAt };
        },
      },
      deviceSecretValid: (id, secret) => tokens.deviceSecretValid(id, secret),
    });
    stops.push(() => transports.stop());
    const mqttUrl = transports.mqttUrl;

    const indices = indexServiceOn(db, topology, { minAnswers: config.indices.minAnswers, minFaces: config.indices.minFaces, surveys: config.surveys }, { shifts, customers });
    const summaries = new PointSummaries(topology, indices);
    const alertStore = new AlertRepo(db);
    const alertRules = rulesOf(config.alerts);
    const alertEngine = new AlertEngine({
      rules: alertRules,
      pointIds: () => topology.points().map((p) => p.id),
      indices,
      store: alertStore,
      bus,
      logger: logger.child({ part: 'alerts' }),
    });
    stops.push(alertEngine.start(config.alerts.evaluateEveryMs));
    const webhooks = new WebhookSender(new WebhookDeliveryRepo(db), config.webhooks, logger.child({ part: 'webhooks' }));
    stops.push(webhooks.start(bus));
    const loop = startClosedLoop({ db, config, bus, topology, indices, tokens, logger });
    stops.push(loop.stop);
    // A change applies live: what was derived from the catalog is rebuilt, and screens are told.
    const offCatalog = catalog.onChange((next) => {
      topology.sync(next.sites, next.points, next.devices);
      registry.load(next);
      brokerDevices.splice(0, Infinity, ...brokerDevicesOf());
      alertRules.splice(0, Infinity, ...rulesOf(next.alerts));
      bus.emit('catalog:changed', { version: catalog.version });
    });
    stops.push(offCatalog);
    const cameras = new CameraMonitor(config, { windows: new EmotionWindowRepo(db), logger: logger.child({ part: 'emotion' }), metrics });
    cameras.start();
    stops.push(() => cameras.stop());
    const tls = config.http.tls;
    const app = Fastify({
      loggerInstance: logger,
      bodyLimit: config.http.bodyLimitBytes,
      forceCloseConnections: true,
      ...(tls ? { https: { cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) } } : {}),
    }).withTypeProvider<TypeBoxTypeProvider>();
    await app.register(httpApp, {
      services: {
        config,
        catalog,
        audit,
        exports: new AnswerExport(db),
        topology,
        answers: new AnswerQueries(db),
        users,
        tokens,
        pairing: new PairingCodes(),
        principals,
        loginThrottle,
        csrfKey: installationSecret(dataDir),
        bus,
        inbox,
        summaries,
        indices,
        shifts,
        customers,
        alerts: { engine: alertEngine, store: alertStore, webhooks },
        metrics,
        health: () => {
          const store = storeHealth.status;
          return { store: db.open && store.ok, broker: transports.mqtt.connected, storeProblem: db.open ? store.reason : 'the database is closed' };
        },
        cameras,
        cases: loop.cases,
        notes: loop.notes,
        pulse: loop.pulse,
        phone: new PhoneSurveys({
          codes: surveyCodes,
          writer,
          surveyOfPoint: (pointId) => {
            const surveyId = config.points.find((p) => p.id === pointId)?.surveyId ?? config.devices.find((d) => d.pointId === pointId && d.surveyId)?.surveyId;
            return config.surveys.find((s) => s.id === surveyId);
          },
          siteOfPoint: (pointId) => topology.siteOfPoint(pointId),
          staffAt: (pointId, ms) => shifts.staffAt(pointId, ms),
        }),
        reviews: loop.reviews,
        reports: loop.reports,
        assessments: loop.assessments,
        devices: registry,
        uiRoot: REPO_ROOT,
      },
    });
    await app.ready();
    const realtime = attachRealtime(app.server, {
      bus,
      sources: principals,
      summaries,
      siteIds: () => topology.sites().map((s) => s.id),
      siteOfPoint: (pointId) => topology.points().find((p) => p.id === pointId)?.siteId,
      logger: logger.child({ part: 'realtime' }),
    });
    await app.listen({ host: config.http.host, port: config.http.port });
    stops.push(() => app.close());
    stops.push(() => realtime.close());
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.http.port;
    const host = config.http.host === '0.0.0.0' || config.http.host === '::' ? 'localhost' : config.http.host;

    if (demo === true) {
      const fleet = new ButtonFleet({
        brokerUrl: mqttUrl,
        siteId: DEMO_SITE_ID,
        buttons: 4,
        topicPrefix: config.mqtt.topicPrefix,
        deviceIds: config.devices.filter((d) => d.pointId === DEMO_POINT_ID).map((d) => d.id),
        password: DEMO_DEVICE_PASSWORD,
        pressesPerMinute: config.demo.pressesPerMinute,
        onError: (error) => logger.warn({ err: error }, 'demo device error'),
      });
      await fleet.start();
      stops.push(() => fleet.stop());
      logger.info({ devices: fleet.buttons.length }, 'demo mode: simulated buttons are pressing');
    }

    return { httpUrl: `${tls ? 'https' : 'http'}://${host}:${port}`, mqttUrl, logger, initialPasswordFile, demo: demo === true, routeAccess: () => app.routeAccess(), inject: app.inject.bind(app) as FastifyInstance['inject'], close };
  } catch (error) {
    await close();
    throw error;
  }
}
