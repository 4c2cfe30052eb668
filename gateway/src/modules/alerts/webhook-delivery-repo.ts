import type { Db } from '../../platform/store/db.ts';

/** One attempt to deliver an alert event to a webhook. */
export interface WebhookDelivery {
  id: number;
  url: string;
  event: string;
  alertId: number | null;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  delivered: boolean;
  at: number;
}

/** The webhook_deliveries table: every attempt, kept for the admin to see. */
export class WebhookDeliveryRepo {
  private readonly insert;
  private readonly latest;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      'INSERT INTO webhook_deliveries (url, event, alert_id, attempt, status_code, error, delivered, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.latest = db.prepare(
      'SELECT id, url, event, alert_id AS alertId, attempt, status_code AS statusCode, error, delivered, at FROM webhook_deliveries ORDER BY id DESC LIMIT ?',
    );
  }

  /** Records an attempt; false once the database is closed (at shutdown). */
  record(d: Omit<WebhookDelivery, 'id'>): boolean {
    if (!this.db.open) return false;
    this.insert.run(d.url, d.event, d.alertId, d.attempt, d.statusCode, d.error, d.delivered ? 1 : 0, d.at);
    return true;
  }

  list(limit: number): WebhookDelivery[] {
    const rows = this.latest.all(limit) as (Omit<WebhookDelivery, 'delivered'> & { delivered: number })[];
    return rows.map((r) => ({ ...r, delivered: r.delivered === 1 }));
  }
}
