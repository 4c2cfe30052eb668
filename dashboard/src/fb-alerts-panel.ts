import { LitElement, html } from 'lit';
import { LiveController } from '@feedback/web-base/live-controller.ts';
import { formatDateTime, LanguageController, t } from '@feedback/web-base/i18n.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import type { Alert } from '@feedback/web-base/contract.ts';
import type { Filters } from './filters.ts';
import { panelStyles } from './fb-panel.ts';
import { acknowledgeAlert, recentAlerts } from './data/alerts.ts';

/**
 * An alert's message in the reader's language, from its figures. Older alerts keep the gateway's English text:
 * those without figures, and those that counted answers before alerts counted responses (people).
 */
function alertText(a: Alert): string {
  const p = a.params;
  if (!p || (a.kind === 'negativeShare' && p.responses === undefined) || (a.kind === 'count' && p.unit !== 'responses')) return a.message;
  if (a.kind === 'threshold')
    return t('alerts.message.threshold', {
      ...p,
      index: t(`index.${String(p.index)}`),
      direction: t(`alerts.direction.${String(p.direction)}`),
    });
  if (a.kind === 'count') return t('alerts.message.count', { ...p, polarity: t(`alerts.polarity.${String(p.polarity)}`) });
  return t(`alerts.message.${a.kind}`, { ...p, defaultValue: a.message });
}

/** The alerts feed: the latest alerts of the filter's points, live; open ones can be acknowledged with a comment. */
export class FbAlertsPanel extends LitElement {
  static override properties = {
    filters: { attribute: false },
    canAct: { type: Boolean },
    alerts: { state: true },
    error: { state: true },
  };
  declare filters: Filters;
  declare canAct: boolean;
  declare alerts: Alert[];
  declare error: string;

  constructor() {
    super();
    new LanguageController(this);
    new LiveController(this, 'alert', ({ alert }) => {
      if (this.filters.pointId && alert.pointId !== this.filters.pointId) return;
      this.alerts = [alert, ...this.alerts.filter((a) => a.id !== alert.id)].sort((a, b) => b.firedAt - a.firedAt).slice(0, 20);
    });
    this.alerts = [];
    this.error = '';
    this.canAct = false;
  }

  static override styles = [tokens, panelStyles];

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('filters')) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.alerts = await recentAlerts(20, this.filters.pointId || undefined);
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private async acknowledge(event: SubmitEvent, alert: Alert): Promise<void> {
    event.preventDefault();
    const comment = new FormData(event.target as HTMLFormElement).get('comment')?.toString().trim() ?? '';
    try {
      const updated = await acknowledgeAlert(alert.id, comment);
      this.alerts = this.alerts.map((a) => (a.id === updated.id ? updated : a));
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  override render() {
    return html`
      <h2>${t('alerts.title')}</h2>
      ${this.error ? html`<p role="alert">${this.error}</p>` : ''}
      ${this.alerts.length === 0 ? html`<p class="empty">${t('alerts.none')}</p>` : ''}
      <ul>
        ${this.alerts.map(
          (a) => html`
            <li data-alert=${a.id} data-status=${a.status}>
              <strong>${alertText(a)}</strong>
              <div class="muted">
                ${a.pointId} · ${formatDateTime(a.firedAt)} ·
                ${t(`alerts.status.${a.status}`)}${a.acknowledgedBy ? ` · ${a.acknowledgedBy}` : ''}
              </div>
              ${a.comment ? html`<div>${a.comment}</div>` : ''}
              ${
                a.status === 'open' && this.canAct
                  ? html`<form @submit=${(e: SubmitEvent) => void this.acknowledge(e, a)}>
                      <label>${t('alerts.comment')} <input name="comment" maxlength="500" /></label>
                      <button type="submit">${t('alerts.acknowledge')}</button>
                    </form>`
                  : ''
              }
            </li>
          `,
        )}
      </ul>
    `;
  }
}
customElements.define('fb-alerts-panel', FbAlertsPanel);
