/** An alert: a rule that fired over a window at a point, until it is acknowledged and closes. */
export type AlertStatus = 'open' | 'acknowledged' | 'closed';

export interface Alert {
  id: number;
  ruleId: string;
  pointId: string;
  kind: string;
  status: AlertStatus;
  firedAt: number;
  value: number | null;
  n: number;
  /** the message in English, for logs and webhooks */
  message: string;
  /** the message's figures (kind-specific), so screens can say it in their own language; null for alerts from before they were kept */
  params: Record<string, string | number> | null;
  acknowledgedBy: string | null;
  acknowledgedAt: number | null;
  comment: string | null;
  closedAt: number | null;
}

export type AlertChange = 'alert.fired' | 'alert.acknowledged' | 'alert.closed';
