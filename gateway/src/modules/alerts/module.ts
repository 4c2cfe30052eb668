import type { Feature } from '../../platform/modules/feature-module.ts';
import { routes } from '../../platform/modules/feature-module.ts';
import type { PlatformParts } from '../../platform/modules/platform-parts.ts';
import type { IndexService } from '../indices/index-service.ts';
import { AlertRepo } from './alert-repo.ts';
import { AlertEngine, rulesOf } from './alert-engine.ts';
import { WebhookSender } from './webhooks.ts';
import { WebhookDeliveryRepo } from './webhook-delivery-repo.ts';
import { alertRoutes } from './alert-routes.ts';
import { alertsSettingsHook } from './settings-hook.ts';
import { webhookRoutes } from './webhook-routes.ts';

/** Alert rules evaluated on each commit and on a timer, and the webhooks that carry alerts out. */
export function alertsModule(p: PlatformParts, deps: { indices: IndexService }): Feature<Record<string, never>> {
  const { config, topology, bus } = p;
  const store = new AlertRepo(p.db);
  const engine = new AlertEngine({
    rules: rulesOf(config.alerts),
    pointIds: () => topology.points().map((point) => point.id),
    indices: deps.indices,
    store,
    bus,
    logger: p.logger.child({ part: 'alerts' }),
  });
  const webhooks = new WebhookSender(new WebhookDeliveryRepo(p.db), config.webhooks, p.logger.child({ part: 'webhooks' }));
  const alerts = { engine, store, webhooks };
  let stopEngine: (() => void) | undefined;
  return {
    name: 'alerts',
    services: {},
    routes: [routes(alertRoutes, { services: { alerts, topology } }), routes(webhookRoutes, { services: { alerts } })],
    subscriptions: [(events) => webhooks.start(events)],
    settingsHooks: [alertsSettingsHook(engine)],
    start: () => {
      stopEngine = engine.start(config.alerts.evaluateEveryMs);
    },
    stop: () => stopEngine?.(),
  };
}
