import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moduleApp, type ModuleApp } from '../../helpers/module-app.ts';
import { AlertRepo } from '../../../src/modules/alerts/alert-repo.ts';
import { AlertEngine } from '../../../src/modules/alerts/alert-engine.ts';
import { alertRoutes } from '../../../src/modules/alerts/alert-routes.ts';
import { WebhookDeliveryRepo } from '../../../src/modules/alerts/webhook-delivery-repo.ts';
import { WebhookSender } from '../../../src/modules/alerts/webhooks.ts';
import { EventBus } from '../../../src/platform/events/bus.ts';
import { createLogger } from '../../../src/platform/logging/logger.ts';

const SITES = [
  { id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' },
  { id: 'tokyo', name: 'Tokyo', timeZone: 'Asia/Tokyo' },
];
const POINTS = [
  { id: 'desk', siteId: 'berlin' },
  { id: 'door', siteId: 'tokyo' },
];
const T0 = Date.UTC(2026, 2, 2, 12);

let m: ModuleApp;
let store: AlertRepo;
let acknowledged: number[];
let ids: { desk: number; door: number };
beforeEach(async () => {
  acknowledged = [];
  m = await moduleApp({
    sites: SITES,
    points: POINTS,
    services: (fixture) => {
      store = new AlertRepo(fixture.db);
      const bus = new EventBus();
      bus.on('alert:changed', (event, alert) => event === 'alert.acknowledged' && acknowledged.push(alert.id));
      const engine = new AlertEngine({
        rules: [],
        pointIds: () => POINTS.map((p) => p.id),
        indices: fixture.indices,
        store,
        bus,
        logger: createLogger('silent'),
        clock: () => T0 + 60_000,
      });
      const webhooks = new WebhookSender(new WebhookDeliveryRepo(fixture.db), [], createLogger('silent'));
      return { alerts: { engine, store, webhooks }, topology: fixture.topology };
    },
    routes: [alertRoutes],
  });
  const fire = (pointId: string) =>
    store.fire({ ruleId: 'low-happy', pointId, kind: 'negativeShare', firedAt: T0, value: 75, n: 4, message: 'm', params: {} }).id;
  ids = { desk: fire('desk'), door: fire('door') };
});
afterEach(async () => m.close());

type Listed = { alerts: { id: number; pointId: string; status: string }[] };

describe('the alerts module over HTTP', () => {
  it("lists the alerts of the caller's sites, by status", async () => {
    const everywhere = m.bearer(['indices:read']);
    const listed = async (headers: { authorization: string }, query = '') =>
      ((await m.call('GET', `/api/alerts${query}`, headers)).json() as Listed).alerts;
    expect((await listed(everywhere)).map((a) => a.pointId).sort()).toEqual(['desk', 'door']);
    expect((await listed(m.bearer(['indices:read'], ['tokyo']))).map((a) => a.pointId)).toEqual(['door']);
    expect((await listed(everywhere, '?pointId=desk')).map((a) => a.id)).toEqual([ids.desk]);
    expect(await listed(everywhere, '?status=closed')).toEqual([]);
    expect((await m.call('GET', '/api/alerts?status=gone', everywhere)).statusCode).toBe(400);
  });

  it('acknowledges an open alert once, naming who did it and why, and says so on the bus', async () => {
    const manager = m.bearer(['indices:read', 'alerts:write']);
    const ack = await m.call('POST', `/api/alerts/${ids.desk}/ack`, manager, { comment: 'queue at lunch' });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ id: ids.desk, status: 'acknowledged', comment: 'queue at lunch', acknowledgedAt: T0 + 60_000 });
    expect((ack.json() as { acknowledgedBy: string }).acknowledgedBy).toMatch(/^token \d+ \(test\)$/);
    expect(acknowledged).toEqual([ids.desk]);

    const again = await m.call('POST', `/api/alerts/${ids.desk}/ack`, manager, {});
    expect([again.statusCode, (again.json() as { message: string }).message]).toEqual([409, `Alert ${ids.desk} is acknowledged, not open`]);
    expect((await m.call('POST', '/api/alerts/999/ack', manager, {})).statusCode).toBe(404);
    expect(acknowledged).toEqual([ids.desk]);
  });

  it('refuses an acknowledgement without alerts:write, or of an alert at a site outside the caller’s', async () => {
    expect((await m.call('POST', `/api/alerts/${ids.door}/ack`, m.bearer(['indices:read']), {})).statusCode).toBe(403);
    const berlinOnly = m.bearer(['indices:read', 'alerts:write'], ['berlin']);
    expect((await m.call('POST', `/api/alerts/${ids.door}/ack`, berlinOnly, {})).json()).toMatchObject({
      statusCode: 403,
      message: 'Not allowed: site "tokyo" is outside your sites',
    });
    expect(store.get(ids.door)?.status).toBe('open');
    expect(acknowledged).toEqual([]);
  });
});
