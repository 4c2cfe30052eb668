import { LitElement, css, html } from 'lit';
import { LiveController } from '@feedback/web-base/live-controller.ts';
import { formatDateTime, formatNumber, LanguageController, t } from '@feedback/web-base/i18n.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import type { DeviceView } from '@feedback/web-base/contract.ts';
import type { Filters } from './filters.ts';
import { panelStyles } from './fb-panel.ts';
import { devices } from './data/topology.ts';

/** Device health: online, battery, signal, last seen, lost and refused messages; kept current by the devices' own signals. */
export class FbDevicesPanel extends LitElement {
  static override properties = { filters: { attribute: false }, devices: { state: true }, error: { state: true } };
  declare filters: Filters;
  declare devices: DeviceView[];
  declare error: string;
  private reload: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    new LanguageController(this);
    new LiveController(this, 'device', (signal) => {
      this.devices = this.devices.map((d) => (d.id === signal.deviceId ? { ...d, online: signal.online, lastSeenAt: signal.at } : d));
      // counters (battery, lost, refused) come from the registry: one request after a burst of signals
      this.reload ??= setTimeout(() => {
        this.reload = undefined;
        void this.load();
      }, 1000);
    });
    this.devices = [];
    this.error = '';
  }

  static override styles = [
    tokens,
    panelStyles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: var(--fb-text-s);
      }
      th,
      td {
        text-align: left;
        padding: var(--fb-space-1) var(--fb-space-2);
        border-bottom: 1px solid var(--fb-border);
      }
      .online {
        color: var(--fb-positive);
      }
      .offline {
        color: var(--fb-negative);
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('filters')) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.reload);
    this.reload = undefined;
  }

  private async load(): Promise<void> {
    try {
      this.devices = await devices();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  override render() {
    const f = this.filters;
    const shown = this.devices.filter((d) => (!f.siteId || d.siteId === f.siteId) && (!f.pointId || d.pointId === f.pointId));
    const refused = (d: DeviceView) => Object.values(d.refusedSinceBoot).reduce((a, b) => a + b, 0);
    return html`
      <h2>${t('devices.title')}</h2>
      ${this.error ? html`<p role="alert">${this.error}</p>` : ''}
      ${
        shown.length === 0
          ? html`<p class="empty">${t('devices.none')}</p>`
          : html`<table>
              <thead>
                <tr>
                  <th scope="col">${t('devices.device')}</th>
                  <th scope="col">${t('devices.state')}</th>
                  <th scope="col">${t('devices.battery')}</th>
                  <th scope="col">${t('devices.signal')}</th>
                  <th scope="col">${t('devices.lastSeen')}</th>
                  <th scope="col">${t('devices.lost')}</th>
                  <th scope="col">${t('devices.refused')}</th>
                </tr>
              </thead>
              <tbody>
                ${shown.map(
                  (d) =>
                    html`<tr data-device=${d.id}>
                      <td>
                        ${d.id}
                        <div class="muted">${d.pointId}</div>
                      </td>
                      <td class=${d.online ? 'online' : 'offline'} data-testid="state">
                        ${d.online ? t('devices.online') : t('devices.offline')}
                      </td>
                      <td>${d.battery === null ? '—' : `${formatNumber(d.battery)} %`}</td>
                      <td>${d.rssi === null ? '—' : `${formatNumber(d.rssi)} dBm`}</td>
                      <td>${d.lastSeenAt === null ? '—' : formatDateTime(d.lastSeenAt)}</td>
                      <td>${d.lostSinceBoot ?? '—'}</td>
                      <td
                        title=${Object.entries(d.refusedSinceBoot)
                          .map(([r, n]) => `${r}: ${n}`)
                          .join(', ')}
                      >
                        ${refused(d)}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    `;
  }
}
customElements.define('fb-devices-panel', FbDevicesPanel);
