import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { storeFixture, type StoreFixture } from './helpers/store-fixture.ts';
import { AlertRepo } from '../src/modules/alerts/alert-repo.ts';
import { AlertEngine, DEFAULT_RULE } from '../src/modules/alerts/alert-engine.ts';
import { IndexService } from '../src/modules/indices/index-service.ts';
import { sqliteIndexReader } from '../src/modules/indices/index-service-on.ts';
import type { IndexReader } from '../src/modules/indices/index-reader.ts';
import { WebhookDeliveryRepo } from '../src/modules/alerts/webhook-delivery-repo.ts';
import { WebhookSender, signature } from '../src/modules/alerts/webhooks.ts';
import { EventBus } from '../src/platform/events/bus.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import type { AlertRuleConfig } from '../src/platform/config/schema.ts';
import { validateConfig } from '../src/platform/config/load.ts';
import { alertsSettingsHook } from '../src/modules/alerts/settings-hook.ts';

const BERLIN = { id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' };
const T0 = Date.UTC(2026, 10, 23, 9, 0);
const MIN = 60_000;

let f: StoreFixture | undefined;
let server: Server | undefined;
afterEach(async () => {
  f?.close();
  f = undefined;
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});

function engineAt(rules: AlertRuleConfig[]) {
  f = storeFixture({
    sites: [BERLIN],
    points: [
      { id: 'desk', siteId: 'berlin' },
      { id: 'door', siteId: 'berlin' },
    ],
  });
  let now = T0;
  const bus = new EventBus();
  const events: [string, number][] = [];
  bus.on('alert:changed', (event, alert) => events.push([event, alert.id]));
  const store = new AlertRepo(f.db);
  const engine = new AlertEngine({
    rules,
    pointIds: () => ['desk', 'door'],
    indices: f.indices,
    store,
    bus,
    logger: createLogger('silent'),
    clock: () => now,
  });
  return { store, engine, bus, events, setNow: (t: number) => (now = t), fixture: f };
}

describe('alert rules under a fake clock', () => {
  it('fires once when negative share reaches 50% with 4 responses, is acknowledged, and closes when it clears', async () => {
    const { store, engine, events, setNow, fixture } = engineAt([DEFAULT_RULE]);
    // 3 presses (each its own response), all negative: below the 4-response minimum
    await fixture.write([0, 0, 1].map((value, i) => ({ pointId: 'desk', value, occurredAt: T0 - (10 - i) * MIN })));
    await engine.evaluate();
    expect(events).toEqual([]);
    // a 4th press, positive: 3 of 4 responses negative = 75% → fires
    await fixture.write([{ pointId: 'desk', value: 3, occurredAt: T0 - 2 * MIN }]);
    await Promise.all([engine.evaluate(), engine.evaluate(new Set(['desk']))]);
    expect(events).toEqual([['alert.fired', 1]]);
    expect(store.active(DEFAULT_RULE.id, 'desk')).toMatchObject({
      status: 'open',
      n: 4,
      value: 75,
      message: '75% negative (3 of 4 responses) in the last 15 min',
    });
    expect(store.active(DEFAULT_RULE.id, 'door')).toBeUndefined();

    const acked = engine.acknowledge(1, 'maria', 'queue system was down');
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'maria', comment: 'queue system was down', acknowledgedAt: T0 });
    expect(engine.acknowledge(1, 'maria', null)).toBeUndefined();

    // 20 minutes later the window holds nothing: the condition clears and the alert closes by itself
    setNow(T0 + 20 * MIN);
    await engine.evaluate();
    expect(store.get(1)).toMatchObject({ status: 'closed', closedAt: T0 + 20 * MIN });
    expect(events).toEqual([
      ['alert.fired', 1],
      ['alert.acknowledged', 1],
      ['alert.closed', 1],
    ]);
  });

  it('reads a rule stored with minAnswers (the old name) as its minResponses; minResponses wins when both are set', async () => {
    const config = validateConfig({
      alerts: {
        defaults: false,
        rules: [
          { id: 'old', kind: 'negativeShare', share: 0.5, windowMinutes: 15, minAnswers: 5 },
          { id: 'both', kind: 'negativeShare', share: 0.5, windowMinutes: 15, minAnswers: 5, minResponses: 4 },
        ],
      },
    });
    const { store, engine, fixture } = engineAt(config.alerts.rules);
    // 4 negative presses: 4 responses, fewer than the old rule's 5, enough for the rule whose minResponses is 4
    await fixture.write([0, 0, 0, 0].map((value, i) => ({ pointId: 'desk', value, occurredAt: T0 - (10 - i) * MIN })));
    await engine.evaluate();
    expect(store.list({ status: 'open', limit: 10 }).map((a) => a.ruleId)).toEqual(['both']);
  });

  it('reads a negative share as a percentage 0–100 (percent), a rule stored with share as the fraction it was, percent winning', async () => {
    const config = validateConfig({
      alerts: {
        defaults: false,
        rules: [
          { id: 'pct', kind: 'negativeShare', percent: 40, windowMinutes: 15, minResponses: 5 },
          { id: 'old', kind: 'negativeShare', share: 0.4, windowMinutes: 15, minResponses: 5 },
          { id: 'both', kind: 'negativeShare', percent: 60, share: 0.4, windowMinutes: 15, minResponses: 5 },
          { id: 'none', kind: 'negativeShare', windowMinutes: 15, minResponses: 5 },
        ],
      },
    });
    expect(() => validateConfig({ alerts: { rules: [{ id: 'x', kind: 'negativeShare', percent: 101, windowMinutes: 15 }] } })).toThrow();
    const { store, engine, fixture } = engineAt(config.alerts.rules);
    // 5 presses, 2 negative: 40% of 5 responses, at 'pct' and 'old' (40%), under 'both' (60 wins) and 'none' (50%)
    await fixture.write([0, 0, 3, 3, 3].map((value, i) => ({ pointId: 'desk', value, occurredAt: T0 - (10 - i) * MIN })));
    await engine.evaluate();
    const open = store.list({ status: 'open', limit: 10 });
    expect(open.map((a) => a.ruleId).sort()).toEqual(['old', 'pct']);
    expect(open.find((a) => a.ruleId === 'pct')).toMatchObject({
      value: 40,
      n: 5,
      message: '40% negative (2 of 5 responses) in the last 15 min',
      params: { share: 40, negative: 2, responses: 5, window: 15 },
    });
  });

  it('threshold and count rules fire and clear', async () => {
    const rules: AlertRuleConfig[] = [
      { id: 'low-happy', kind: 'threshold', index: 'happy', below: 50, windowMinutes: 60, minAnswers: 2, pointId: 'door' },
      { id: 'burst', kind: 'count', polarity: 'negative', count: 3, windowMinutes: 10 },
    ];
    const { store, engine, setNow, fixture } = engineAt(rules);
    await fixture.write([0, 1, 0].map((value, i) => ({ pointId: 'door', value, occurredAt: T0 - (5 - i) * MIN })));
    await engine.evaluate();
    expect(
      store
        .list({ status: 'open', limit: 10 })
        .map((a) => [a.ruleId, a.pointId])
        .sort(),
    ).toEqual([
      ['burst', 'door'],
      ['low-happy', 'door'],
    ]);
    setNow(T0 + 11 * MIN); // the burst window has passed; the hour window still holds the answers
    await engine.evaluate();
    expect(store.list({ status: 'open', limit: 10 }).map((a) => a.ruleId)).toEqual(['low-happy']);
  });
});

describe('alert settings changed while running', () => {
  it('judges the new rules at the new interval once the alerts hook applied a change (e.g. an import)', async () => {
    const { engine, events, fixture } = engineAt([]);
    const stop = engine.start(3_600_000);
    try {
      // stored without an event on the bus: only the timer can find these
      await fixture.write([0, 0, 0, 1].map((value, i) => ({ pointId: 'desk', value, occurredAt: T0 - (10 - i) * MIN })));
      const old = validateConfig({ alerts: { defaults: false, evaluateEveryMs: 3_600_000 } });
      const next = validateConfig({ alerts: { defaults: true, evaluateEveryMs: 1000 } });
      await alertsSettingsHook(engine).apply?.(old, next);
      await vi.waitFor(() => expect(events).toEqual([['alert.fired', 1]]), { timeout: 5000, interval: 50 });
    } finally {
      await stop();
    }
  });
});

describe('alert rules over a store that answers slowly', () => {
  /** The real SQLite reader behind a delay, counting the reads in flight at once (as a networked store would see them). */
  function slowStore(fixture: StoreFixture, fail = false) {
    const sqlite = sqliteIndexReader(fixture.db, fixture.topology);
    const reads = { inFlight: 0, most: 0 };
    const slowly = async <T>(read: () => Promise<T>): Promise<T> => {
      reads.most = Math.max(reads.most, ++reads.inFlight);
      try {
        await new Promise((resolve) => setImmediate(resolve));
        if (fail) throw new Error('store unreachable');
        return await read();
      } finally {
        reads.inFlight--;
      }
    };
    // the alert rules read response counts (people); the threshold rule reads answer counts
    const reader: IndexReader = {
      ...sqlite,
      counts: (...args) => slowly(() => sqlite.counts(...args)),
      responseCounts: (...args) => slowly(() => sqlite.responseCounts(...args)),
    };
    return { reads, indices: new IndexService(fixture.topology, reader, { minAnswers: 1, minFaces: 5, surveys: [] }) };
  }

  it('runs evaluations one after another, so overlapping triggers never interleave their reads or fire twice', async () => {
    f = storeFixture({
      sites: [BERLIN],
      points: [
        { id: 'desk', siteId: 'berlin' },
        { id: 'door', siteId: 'berlin' },
      ],
    });
    await f.write([0, 0, 1, 0].map((value, i) => ({ pointId: 'desk', value, occurredAt: T0 - (10 - i) * MIN })));
    const { reads, indices } = slowStore(f);
    const bus = new EventBus();
    const fired: number[] = [];
    bus.on('alert:changed', (event, alert) => fired.push(alert.id));
    const store = new AlertRepo(f.db);
    const logger = createLogger('silent');
    const engine = new AlertEngine({
      rules: [DEFAULT_RULE],
      pointIds: () => ['desk', 'door'],
      indices,
      store,
      bus,
      logger,
      clock: () => T0,
    });
    await Promise.all([engine.evaluate(), engine.evaluate(), engine.evaluate(new Set(['desk']))]);
    expect(reads.most).toBe(1);
    expect(fired).toEqual([1]);
  });

  it('logs a failed timed evaluation and keeps going; stopping waits for the evaluation in progress', async () => {
    f = storeFixture({ sites: [BERLIN], points: [{ id: 'desk', siteId: 'berlin' }] });
    const { reads, indices } = slowStore(f, true);
    const lines: string[] = [];
    const logger = createLogger('error', { write: (line: string) => void lines.push(line) });
    const engine = new AlertEngine({
      rules: [DEFAULT_RULE],
      pointIds: () => ['desk'],
      indices,
      store: new AlertRepo(f.db),
      bus: new EventBus(),
      logger,
    });
    const stop = engine.start(5);
    await expect.poll(() => lines.filter((l) => l.includes('alert rules not evaluated')).length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toContain('store unreachable');
    await stop();
    expect(reads.inFlight).toBe(0);
    expect(reads.most).toBe(1);
  });
});

describe('webhooks', () => {
  it('delivers signed JSON, retrying with backoff when the receiver first answers 500, and logs each attempt', async () => {
    f = storeFixture({ sites: [BERLIN], points: [{ id: 'desk', siteId: 'berlin' }] });
    const received: { body: string; signature: string | undefined; event: string | undefined; at: number }[] = [];
    let calls = 0;
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        calls++;
        received.push({
          body,
          signature: req.headers['x-feedback-signature'] as string | undefined,
          event: req.headers['x-feedback-event'] as string | undefined,
          at: Date.now(),
        });
        res.statusCode = calls <= 2 ? 500 : 200;
        res.end();
      });
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/hook`;
    const secret = 'a-secret-of-sixteen+';
    const bus = new EventBus();
    const sender = new WebhookSender(
      new WebhookDeliveryRepo(f.db),
      [{ url, secret, events: ['alert.fired'], attempts: 5, retryBaseMs: 50 }],
      createLogger('silent'),
    );
    const stop = sender.start(bus);
    const alert = new AlertRepo(f.db).fire({
      ruleId: 'r',
      pointId: 'desk',
      kind: 'negativeShare',
      firedAt: T0,
      value: 75,
      n: 4,
      message: 'm',
      params: {},
    });
    bus.emit('alert:changed', 'alert.fired', alert);
    bus.emit('alert:changed', 'alert.closed', alert); // not subscribed: never sent

    await expect.poll(() => sender.deliveries(10).some((d) => d.delivered), { timeout: 5000 }).toBe(true);
    stop();
    expect(received).toHaveLength(3);
    for (const r of received) {
      expect(r.signature).toBe(signature(secret, r.body));
      expect(r.event).toBe('alert.fired');
      expect(JSON.parse(r.body)).toMatchObject({ event: 'alert.fired', alert: { id: alert.id, pointId: 'desk' } });
    }
    expect(received[2]!.at - received[1]!.at).toBeGreaterThanOrEqual(90); // second retry waits twice the first
    expect(
      sender
        .deliveries(10)
        .map((d) => [d.attempt, d.statusCode, d.delivered])
        .reverse(),
    ).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 200, true],
    ]);
  });

  it('logs a connection failure and gives up after the configured attempts', async () => {
    f = storeFixture({ sites: [BERLIN], points: [{ id: 'desk', siteId: 'berlin' }] });
    const bus = new EventBus();
    const sender = new WebhookSender(
      new WebhookDeliveryRepo(f.db),
      [{ url: 'http://127.0.0.1:9/unreachable', secret: 'x'.repeat(16), events: ['alert.fired'], attempts: 2, retryBaseMs: 10 }],
      createLogger('silent'),
    );
    const stop = sender.start(bus);
    bus.emit(
      'alert:changed',
      'alert.fired',
      new AlertRepo(f.db).fire({ ruleId: 'r', pointId: 'desk', kind: 'k', firedAt: T0, value: null, n: 0, message: 'm', params: {} }),
    );
    await expect.poll(() => sender.deliveries(10).length, { timeout: 5000 }).toBe(2);
    await new Promise((r) => setTimeout(r, 100));
    stop();
    expect(sender.deliveries(10).every((d) => !d.delivered && d.error !== null && d.statusCode === null)).toBe(true);
    expect(sender.deliveries(10)).toHaveLength(2);
  });
});
