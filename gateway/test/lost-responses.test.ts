/**
 * The collection rate's "known lost" (METRICS.md): presses a button's counter says never arrived,
 * kiosk runs the gateway refused whole (the kiosk deletes them), phone submissions that failed on a
 * fault of ours. Real ingest over a real SQLite file; the figure read back through the report's reader.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../src/platform/store/database.ts';
import type { Db } from '../src/platform/store/db.ts';
import { TopologyRepo } from '../src/platform/settings/topology-repo.ts';
import { validateConfig } from '../src/platform/config/load.ts';
import { EventBus } from '../src/platform/events/bus.ts';
import { DeviceRegistry } from '../src/modules/devices/device-registry.ts';
import { DeviceRepo } from '../src/modules/devices/device-repo.ts';
import { AnswerWriter } from '../src/modules/ingest/answer-writer.ts';
import { IngestInbox } from '../src/modules/ingest/device-inbox.ts';
import { MisuseRules } from '../src/modules/ingest/misuse.ts';
import { DeviceHistory } from '../src/modules/ingest/device-history-repo.ts';
import { LossRepo } from '../src/modules/ingest/loss-repo.ts';
import { CustomersRepo } from '../src/modules/traffic/customers-repo.ts';
import { PhoneSurveys } from '../src/modules/surveys/phone-surveys.ts';
import { SurveyCodeRepo } from '../src/modules/surveys/survey-code-repo.ts';
import { collectionRate, collectionReader } from '../src/modules/reports/collection-repo.ts';

const AT = Date.UTC(2026, 11, 1, 10);
const SURVEY = {
  id: 'visit',
  name: 'Visit',
  questions: [
    { id: 'q1', number: 1, scale: 'csat5' as const, label: 'How was it?' },
    { id: 'q2', number: 2, scale: 'nps11' as const, label: 'Recommend?' },
  ],
  idle: { afterSeconds: 60, partial: 'submit' as const },
};

let dir: string;
let db: Db;
let writer: AnswerWriter;
let inbox: IngestInbox;
let losses: LossRepo;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fb-loss-'));
  db = openDatabase(join(dir, 'loss.db'));
  const config = validateConfig({
    dataDir: dir,
    sites: [{ id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' }],
    points: [
      { id: 'desk', siteId: 'berlin', name: 'Desk' },
      { id: 'hall', siteId: 'berlin', name: 'Hall' },
    ],
    devices: [
      { id: 'btn', kind: 'button', pointId: 'desk', buttons: 4, responseIntervalMs: 0 },
      { id: 'kiosk', kind: 'button', pointId: 'hall', buttons: 4, responseIntervalMs: 0, surveyId: 'visit' },
    ],
    surveys: [SURVEY],
  });
  new TopologyRepo(db).sync(config.sites, config.points, config.devices);
  const registry = new DeviceRegistry(new DeviceRepo(db), 60_000);
  registry.load(config);
  writer = new AnswerWriter(db);
  losses = new LossRepo(db);
  const history = new DeviceHistory(db);
  inbox = new IngestInbox({
    writer,
    losses,
    registry,
    customers: new CustomersRepo(db, () => true),
    bus: new EventBus(),
    misuse: new MisuseRules((deviceId) => history.lastCounted(deviceId)),
    storedSeqs: (deviceId, boot) => history.storedSeqs(deviceId, boot),
    staffAt: () => null,
    surveys: config.surveys,
    drop: () => undefined,
  });
});

afterEach(() => {
  writer.close();
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const collection = () => collectionReader(db)('berlin', AT - 3_600_000, AT + 3_600_000);
const press = (seq: number) =>
  inbox.press({ deviceId: 'btn', boot: 7, seq, button: 3, buttons: 4, uptimeMs: seq * 1000, receivedAt: AT + seq, source: 'mqtt' });
const heartbeat = (presses: number, at = AT + 100) =>
  inbox.heartbeat({ deviceId: 'btn', transport: 'mqtt', boot: 7, battery: null, rssi: null, uptimeMs: 100_000, presses, receivedAt: at });
const kiosk = (seq: number, run: number, question: number, value: number | null) =>
  inbox.answer({
    deviceId: 'kiosk',
    boot: 3,
    seq,
    run,
    questionNumber: question,
    value,
    uptimeMs: seq * 1000,
    receivedAt: AT + seq,
    source: 'kiosk',
  });

describe('responses known lost', () => {
  it("counts the presses a button's counter says never arrived, and takes them back when a late one fills the gap", async () => {
    for (const seq of [1, 2, 4, 5]) expect((await press(seq)).outcome).toBe('stored');
    heartbeat(5);
    expect(await collection()).toEqual({ stored: 4, lost: { sequenceGaps: 1, kioskDropped: 0, phoneRefused: 0 } });
    // the next heartbeat of the same boot says the same thing: still one lost, not two
    heartbeat(5, AT + 200);
    expect((await collection()).lost.sequenceGaps).toBe(1);
    // 4 of 5 customers' voices kept, and every kind of loss is recorded
    expect(collectionRate(await collection(), 0.95)).toMatchObject({
      stored: 4,
      lost: 1,
      lossesRecorded: ['sequenceGaps', 'kioskDropped', 'phoneRefused'],
    });
    await press(3);
    heartbeat(5, AT + 300);
    expect(await collection()).toEqual({ stored: 5, lost: { sequenceGaps: 0, kioskDropped: 0, phoneRefused: 0 } });
  });

  it('does not take presses still on their way to the disk for lost', async () => {
    const pending = [1, 2, 3].map((seq) => press(seq));
    heartbeat(3);
    expect((await Promise.all(pending)).map((d) => d.outcome)).toEqual(['stored', 'stored', 'stored']);
    expect(await collection()).toMatchObject({ stored: 3, lost: { sequenceGaps: 0 } });
  });

  it('counts a kiosk run refused whole as one dropped response; a run with one answer kept is no loss', async () => {
    // run 10: both answers out of range, refused (the kiosk deletes them): one customer lost
    expect((await kiosk(10, 10, 1, 9)).outcome).toBe('refused');
    expect((await kiosk(11, 10, 2, 99)).outcome).toBe('refused');
    // a resent refusal is the same loss
    expect((await kiosk(10, 10, 1, 9)).outcome).toBe('refused');
    // run 20: one answer refused, one stored: the customer's voice was kept
    expect((await kiosk(20, 20, 1, 9)).outcome).toBe('refused');
    expect((await kiosk(21, 20, 2, 9)).outcome).toBe('stored');
    expect(await collection()).toEqual({ stored: 1, lost: { sequenceGaps: 0, kioskDropped: 1, phoneRefused: 0 } });
  });

  it('counts a phone submission that failed on a fault of ours as lost, and a refused wrong answer not', async () => {
    const codes = new SurveyCodeRepo(db);
    const phone = new PhoneSurveys({
      codes,
      ingest: inbox,
      surveyOfPoint: () => SURVEY,
      siteOfPoint: () => 'berlin',
      losses,
      now: () => AT,
    });
    const { code } = codes.issue({ pointId: 'hall', kind: 'standing', expiresAt: null, by: 'test', at: AT - 1000 });
    expect(await phone.submit(code, [{ question: 1, value: 9 }])).toBe('invalid');
    expect((await collection()).lost.phoneRefused).toBe(0);
    writer.close(); // the store takes nothing more: the submission fails
    await expect(phone.submit(code, [{ question: 1, value: 4 }])).rejects.toThrow(/closed/);
    expect(await collection()).toEqual({ stored: 0, lost: { sequenceGaps: 0, kioskDropped: 0, phoneRefused: 1 } });
  });

  it('places a loss in the period it was seen in', async () => {
    for (const seq of [1, 3]) expect((await press(seq)).outcome).toBe('stored');
    heartbeat(3, AT + 7_200_000);
    expect((await collection()).lost.sequenceGaps).toBe(0);
    expect((await collectionReader(db)('berlin', AT + 3_600_000, AT + 10_800_000)).lost.sequenceGaps).toBe(1);
    expect((await collectionReader(db)('elsewhere', AT, AT + 10_800_000)).lost.sequenceGaps).toBe(0);
  });
});
