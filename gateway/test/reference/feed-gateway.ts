/**
 * A gateway's ingest and index parts in-process, over a real SQLite file: answers go in through the
 * real ingest inbox (device checks, uptime dating, misuse rules, dedupe of retransmissions, group-commit
 * writer, rollups), customers and shifts through their real repos, and figures come out of the real
 * index routes through app.inject. The only thing the test controls that a broker would not let it is
 * the receive time (so answers can fall on chosen DST and half-hour-zone days).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { openDatabase, closeDatabase } from '../../src/platform/store/database.ts';
import { TopologyRepo } from '../../src/platform/settings/topology-repo.ts';
import { validateConfig } from '../../src/platform/config/load.ts';
import { EventBus } from '../../src/platform/events/bus.ts';
import { TokenRepo } from '../../src/platform/auth/token-repo.ts';
import { UserRepo } from '../../src/platform/auth/user-repo.ts';
import { accessControl } from '../../src/platform/http/access-control.ts';
import { answerErrors } from '../../src/platform/http/error-answers.ts';
import { DeviceRegistry } from '../../src/modules/devices/device-registry.ts';
import { DeviceRepo } from '../../src/modules/devices/device-repo.ts';
import { AnswerWriter } from '../../src/modules/ingest/answer-writer.ts';
import { IngestInbox } from '../../src/modules/ingest/device-inbox.ts';
import { MisuseRules } from '../../src/modules/ingest/misuse.ts';
import { DeviceHistory } from '../../src/modules/ingest/device-history-repo.ts';
import { CustomersRepo } from '../../src/modules/traffic/customers-repo.ts';
import { ShiftRepo } from '../../src/modules/staff/shift-repo.ts';
import { indexServiceOn } from '../../src/modules/indices/index-service-on.ts';
import { indexRoutes } from '../../src/modules/indices/index-routes.ts';
import type { RawAnswer, RawWorld } from './rows.ts';
import { LossRepo } from '../../src/modules/ingest/loss-repo.ts';

/** A device message as the test feeds it: a press, or a kiosk's answer (value null = skipped); resentAfterMs: a retransmission that arrives this late. */
export type Fed =
  | { kind: 'press'; deviceId: string; boot: number; seq: number; button: number; at: number; resentAfterMs?: number }
  | {
      kind: 'answer';
      deviceId: string;
      boot: number;
      seq: number;
      run: number;
      question: number;
      value: number | null;
      at: number;
      resentAfterMs?: number;
    };

export interface FedWorld {
  sites: { id: string; timeZone: string }[];
  points: { id: string; siteId: string }[];
  devices: { id: string; pointId: string; buttons: number; responseIntervalMs: number; surveyId?: string }[];
  surveys: RawWorld['surveys'];
  customers: RawWorld['customers'];
  shifts: RawWorld['shifts'];
  staff: string[];
  minN: number;
}

export interface FeedGateway {
  /** GET through the real routes with a token that may read indices; the parsed JSON body */
  get<T>(url: string): Promise<{ status: number; body: T }>;
  /** the raw world as stored: answers read back from the answers table, joined with their fed response */
  raw(): RawWorld;
  close(): Promise<void>;
}

/** The boot instant the fed uptimes count from: every fed time lies within 40 days of it. */
const uptimeOf = (at: number, bootAt: number) => at - bootAt;

export async function feedGateway(world: FedWorld, messages: Fed[]): Promise<FeedGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'fb-ref-'));
  const db = openDatabase(join(dir, 'ref.db'));
  const config = validateConfig({
    dataDir: dir,
    sites: world.sites.map((s) => ({ id: s.id, name: s.id, timeZone: s.timeZone })),
    points: world.points.map((p) => ({ id: p.id, siteId: p.siteId, name: p.id })),
    devices: world.devices.map((d) => ({ kind: 'button', ...d })),
    surveys: world.surveys.map((s) => ({ id: s.id, name: s.id, questions: s.questions.map((q) => ({ ...q, label: q.id })) })),
  });
  const topology = new TopologyRepo(db);
  topology.sync(config.sites, config.points, config.devices);
  const registry = new DeviceRegistry(new DeviceRepo(db), 60_000);
  registry.load(config);
  const customers = new CustomersRepo(db, (pointId) => config.points.some((p) => p.id === pointId));
  const shifts = new ShiftRepo(db);
  for (const id of world.staff) shifts.upsertStaff(id, id);
  for (const s of world.shifts) shifts.addShift({ staffId: s.staffId, pointId: s.pointId, startsAt: s.from, endsAt: s.to });
  for (const c of world.customers) customers.record({ pointId: c.pointId, from: c.from, to: c.to, count: c.count }, 'test');
  const writer = new AnswerWriter(db);
  const history = new DeviceHistory(db);
  const bus = new EventBus();
  const inbox = new IngestInbox({
    writer,
    losses: new LossRepo(db),
    registry,
    customers,
    bus,
    misuse: new MisuseRules((deviceId) => history.lastCounted(deviceId)),
    storedSeqs: (deviceId, boot) => history.storedSeqs(deviceId, boot),
    staffAt: (pointId, ms) => shifts.staffAt(pointId, ms),
    surveys: config.surveys,
    drop: () => undefined,
  });
  const bootAt = Math.min(...messages.map((m) => m.at)) - 1000;
  const responseOf = new Map<string, string>();
  // handed over in arrival order without waiting (misuse is decided on arrival), so they commit in a few group commits
  const deliveries: Promise<unknown>[] = [];
  for (const m of messages) {
    const common = {
      deviceId: m.deviceId,
      boot: m.boot,
      seq: m.seq,
      uptimeMs: uptimeOf(m.at, bootAt),
      receivedAt: m.at + (m.resentAfterMs ?? 0),
      source: 'mqtt' as const,
    };
    if (m.kind === 'press') {
      responseOf.set(`${m.deviceId}/${m.boot}/${m.seq}`, `${m.deviceId}/${m.boot}/${m.seq}`);
      deliveries.push(inbox.press({ ...common, button: m.button }));
    } else {
      responseOf.set(`${m.deviceId}/${m.boot}/${m.seq}`, `${m.deviceId}/${m.boot}/r${m.run}`);
      deliveries.push(inbox.answer({ ...common, questionNumber: m.question, value: m.value, run: m.run, readMs: 5000 }));
    }
  }
  await Promise.all(deliveries);
  const indices = indexServiceOn(db, topology, { minAnswers: world.minN, minFaces: 5, surveys: config.surveys }, { shifts, customers });
  const tokens = new TokenRepo(db, bus);
  const users = new UserRepo(db, { sessionMs: 3_600_000, bus });
  const app: FastifyInstance = Fastify({ logger: false });
  await app.register(accessControl, {
    sources: {
      users,
      tokens,
      siteOfPoint: (pointId: string) => topology.siteOfPoint(pointId),
      siteOfDevice: (deviceId: string) => topology.siteOfDevice(deviceId),
    },
    csrfKey: randomBytes(32),
  });
  answerErrors(app);
  await app.register(indexRoutes, { services: { indices, topology, devices: registry } });
  await app.ready();
  const authorization = `Bearer ${tokens.create({ name: 'ref', kind: 'integration', scopes: ['indices:read'], siteIds: null, createdBy: 'test' }).token}`;
  return {
    get: async <T>(url: string) => {
      const r = await app.inject({ method: 'GET', url, headers: { authorization } });
      return { status: r.statusCode, body: r.json<T>() };
    },
    raw: () => ({
      sites: world.sites,
      points: world.points,
      devices: world.devices,
      surveys: world.surveys,
      customers: world.customers,
      shifts: world.shifts,
      minN: world.minN,
      answers: (
        db
          .prepare(
            `SELECT device_id AS deviceId, boot, seq, site_id AS siteId, point_id AS pointId, staff_id AS staffId, survey_id AS surveyId,
                    question_id AS questionId, scale, value, occurred_at AS occurredAt, misuse FROM answers`,
          )
          .all() as (Omit<RawAnswer, 'misuse' | 'response'> & { misuse: number })[]
      ).map((a) => ({ ...a, misuse: a.misuse === 1, response: responseOf.get(`${a.deviceId}/${a.boot}/${a.seq}`)! })),
    }),
    close: async () => {
      await app.close();
      users.close();
      writer.close();
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
