import { createHmac, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { WebhookDeliveryRepo, WebhookDelivery } from './webhook-delivery-repo.ts';
import type { WebhookConfig } from '../../platform/config/schema.ts';
import type { EventBus } from '../../platform/events/bus.ts';

export type Delivery = WebhookDelivery;

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Sends alert and case events to outgoing webhooks: JSON, signed with HMAC-SHA256 of the body, retried
 * with exponential backoff on network errors and non-2xx answers, every attempt logged.
 */
export class WebhookSender {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly log: WebhookDeliveryRepo,
    private readonly hooks: WebhookConfig[],
    private readonly logger: Logger,
  ) {}

  start(bus: EventBus): () => void {
    const offAlerts = bus.on('alert:changed', (event, alert) => this.send(event, alert.id, { alert }));
    const offCases = bus.on('case:changed', (event, c) => {
      // A case's contact never leaves the gateway: receivers get the case without it.
      const { contact: _contact, ...withoutContact } = c;
      this.send(event, null, { case: withoutContact });
    });
    return () => {
      offAlerts();
      offCases();
      for (const t of this.timers) clearTimeout(t);
    };
  }

  private send(event: WebhookConfig['events'][number], alertId: number | null, payload: Record<string, unknown>): void {
    const body = JSON.stringify({ event, deliveryId: randomUUID(), ...payload });
    for (const hook of this.hooks) if (hook.events.includes(event)) void this.deliver(hook, event, alertId, body, 1);
  }

  private async deliver(hook: WebhookConfig, event: string, alertId: number | null, body: string, attempt: number): Promise<void> {
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(hook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-feedback-event': event, 'x-feedback-signature': signature(hook.secret, body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      statusCode = response.status;
      await response.body?.cancel();
    } catch (e) {
      error = (e as Error).message;
    }
    const delivered = statusCode !== null && statusCode >= 200 && statusCode < 300;
    if (!this.log.record({ url: hook.url, event, alertId, attempt, statusCode, error, delivered, at: Date.now() })) return;
    if (delivered) return;
    if (attempt >= hook.attempts) {
      this.logger.warn({ url: hook.url, event, attempts: attempt }, 'webhook delivery given up');
      return;
    }
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        void this.deliver(hook, event, alertId, body, attempt + 1);
      },
      hook.retryBaseMs * 2 ** (attempt - 1),
    );
    this.timers.add(timer);
  }

  deliveries(limit: number): Delivery[] {
    return this.log.list(limit);
  }
}
