import { countText, notEnoughText } from '@feedback/web-base/count-unit.ts';
import { LitElement, css, html } from 'lit';
import { api } from '@feedback/web-base/api-client.ts';
import { LiveController } from '@feedback/web-base/live-controller.ts';
import { formatNumber, LanguageController, t } from '@feedback/web-base/i18n.ts';
import type { ScreenSummary } from '@feedback/web-base/contract.ts';
import { deviceToken, forgetDeviceToken } from '@feedback/web-base/device-token.ts';

const TOKEN_KEY = 'fb-screen-token';
import './fb-progress-ring.ts';
import { screenSummary } from '../data/screen.ts';
import '@feedback/web-base/components/fb-pair.ts';

/** How long the thank-you shows after a positive press. */
const THANKS_MS = 2500;

/**
 * The staff-motivation screen for a TV at the front desk: today's Happy Index of its point
 * against the goal, a ring, the current run of positive answers, and a thank-you on every positive
 * press. It shows counts only: never a customer, never a negative comment. It runs for weeks:
 * everything it holds is replaced, never accumulated, and the socket reconnects by itself.
 */
export class FbStaffScreen extends LitElement {
  static override properties = { summary: { state: true }, thanks: { state: true }, problem: { state: true } };
  declare summary: ScreenSummary | undefined;
  declare thanks: number;
  declare problem: string;
  private readonly token = deviceToken(TOKEN_KEY);
  private thanksTimer: ReturnType<typeof setTimeout> | undefined;
  private refresh: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    new LanguageController(this);
    this.thanks = 0;
    this.problem = this.token ? '' : 'screen.notPaired';
    api.setBearerToken(this.token);
    if (this.token)
      new LiveController(
        this,
        'point:answers',
        (counts) => {
          if (counts.positive > 0) this.thank(counts.positive);
          this.refresh ??= setTimeout(() => {
            this.refresh = undefined;
            void this.load();
          }, 300);
        },
        { token: this.token },
      );
    // a goal set in the settings shows at once
    if (this.token) new LiveController(this, 'settings', () => void this.load(), { token: this.token });
  }

  static override styles = css`
    :host {
      display: grid;
      place-items: center;
      min-height: 100vh;
      background: #10151d;
      color: #ffffff;
      font-family: system-ui, 'Noto Sans', 'PingFang SC', sans-serif;
    }
    main {
      display: grid;
      grid-template-columns: 1fr 1fr;
      align-items: center;
      gap: 4vw;
      width: 90vw;
    }
    h1 {
      grid-column: 1 / -1;
      font-size: 4.5vw;
      margin: 0;
      text-align: center;
    }
    .ring {
      position: relative;
      width: 34vw;
      height: 34vw;
      justify-self: center;
    }
    .ring fb-progress-ring {
      position: absolute;
      inset: 0;
    }
    .ring .value {
      position: absolute;
      inset: 0;
      display: grid;
      place-content: center;
      text-align: center;
    }
    .number {
      font-size: 9vw;
      font-weight: 700;
      line-height: 1;
    }
    .caption {
      font-size: 2.2vw;
      color: #d5dbe4;
    }
    .facts {
      display: grid;
      gap: 3vw;
      font-size: 3vw;
    }
    .facts strong {
      display: block;
      font-size: 6vw;
      color: #7ee2a8;
    }
    .thanks {
      position: fixed;
      inset: 0;
      display: grid;
      place-content: center;
      font-size: 8vw;
      font-weight: 700;
      color: #10151d;
      background: #7ee2a8ee;
      animation: pop ${THANKS_MS}ms ease-out forwards;
    }
    @keyframes pop {
      0% {
        opacity: 0;
        transform: scale(0.8);
      }
      12% {
        opacity: 1;
        transform: scale(1.04);
      }
      80% {
        opacity: 1;
      }
      100% {
        opacity: 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .thanks {
        animation: none;
      }
    }
    .problem {
      font-size: 3vw;
      text-align: center;
      max-width: 70vw;
    }
    .comments {
      grid-column: 1 / -1;
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 1.2vw;
      font-size: 2.4vw;
    }
    .comments li {
      border-left: 0.5vw solid #7ee2a8;
      padding-left: 1.5vw;
      overflow-wrap: anywhere;
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.token) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.thanksTimer);
    clearTimeout(this.refresh);
    this.refresh = undefined;
  }

  private async load(): Promise<void> {
    try {
      this.summary = await screenSummary();
      this.problem = '';
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 401 || status === 403) {
        forgetDeviceToken(TOKEN_KEY);
        this.problem = 'screen.notPaired';
      } else this.problem = 'screen.offline';
    }
  }

  private thank(count: number): void {
    if (this.summary) this.summary = { ...this.summary, streak: this.summary.streak + count };
    this.thanks++;
    clearTimeout(this.thanksTimer);
    this.thanksTimer = setTimeout(() => (this.thanks = 0), THANKS_MS);
  }

  override render() {
    if (this.problem === 'screen.notPaired') return html`<fb-pair .storageKey=${TOKEN_KEY} @paired=${() => location.reload()}></fb-pair>`;
    if (this.problem && !this.summary) return html`<p class="problem" role="alert">${t(this.problem)}</p>`;
    const s = this.summary;
    if (!s) return html``;
    const r = s.point.happyIndex;
    const enough = r.enough && r.value !== null;
    return html`
      <main>
        <h1>${s.point.name}</h1>
        <div class="ring">
          <fb-progress-ring
            .value=${enough ? r.value : null}
            .goal=${s.goal}
            .label=${t('screen.ring', { goal: formatNumber(s.goal) })}
          ></fb-progress-ring>
          <div class="value">
            <span class="number" data-testid="value">${enough ? formatNumber(r.value!, { maximumFractionDigits: 0 }) : '—'}</span>
            <span class="caption">${t('index.happy')}</span>
          </div>
        </div>
        <div class="facts">
          <div>${t('screen.goal')}<strong data-testid="goal">${formatNumber(s.goal)}</strong></div>
          <div>${t('screen.streak')}<strong data-testid="streak">${formatNumber(s.streak)}</strong></div>
          ${enough ? '' : html`<div class="caption" data-testid="few">${notEnoughText(r)} · ${countText(r)}</div>`}
        </div>
        ${
          s.comments.length
            ? html`<ul class="comments" data-testid="comments" aria-label=${t('screen.comments')}>
                ${s.comments.map((c) => html`<li>“${c.text}”</li>`)}
              </ul>`
            : ''
        }
      </main>
      ${this.problem ? html`<p class="caption" role="status">${t(this.problem)}</p>` : ''}
      ${this.thanks > 0 ? html`<div class="thanks" data-testid="thanks" role="status">${t('screen.thanks')}</div>` : ''}
    `;
  }
}
customElements.define('fb-staff-screen', FbStaffScreen);
