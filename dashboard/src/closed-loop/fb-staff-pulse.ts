import { LitElement, html } from 'lit';
import { formatNumber, LanguageController, t } from '@feedback/web-base/i18n.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import type { PulseWeek } from '@feedback/web-base/contract.ts';
import { analysisStyles } from '../fb-analysis-styles.ts';
import { closedLoopStyles } from './closed-loop-styles.ts';
import { staffPulse } from '../data/pulse.ts';

const interval = (ci: [number, number] | null) =>
  ci ? `${formatNumber(ci[0], { maximumFractionDigits: 0 })} – ${formatNumber(ci[1], { maximumFractionDigits: 0 })}` : '';

/** The staff pulse of a site by week: eNPS and the drained share with their intervals, a week hidden while its group is too small to stay anonymous. */
export class FbStaffPulse extends LitElement {
  static override properties = { siteId: { type: String }, weeks: { state: true }, minGroup: { state: true }, error: { state: true } };
  declare siteId: string;
  declare weeks: PulseWeek[];
  declare minGroup: number;
  declare error: string;

  constructor() {
    super();
    new LanguageController(this);
    this.weeks = [];
    this.minGroup = 5;
    this.error = '';
  }

  static override styles = [tokens, analysisStyles, closedLoopStyles];

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('siteId')) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const r = await staffPulse(this.siteId, 8);
      this.weeks = r.weeks.reverse();
      this.minGroup = r.minGroup;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  override render() {
    const answered = this.weeks.filter((w) => w.answers > 0);
    return html`<section>
      <h2>${t('pulse.heading')}</h2>
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : ''}
      ${
        answered.length === 0
          ? html`<p class="muted">${t('pulse.none')}</p>`
          : html`<table>
              <thead>
                <tr>
                  <th scope="col">${t('pulse.week')}</th>
                  <th scope="col">${t('pulse.enpsShort')}</th>
                  <th scope="col">${t('pulse.drainedShort')}</th>
                </tr>
              </thead>
              <tbody>
                ${answered.map((w) =>
                  w.shown
                    ? html`<tr data-week=${w.week}>
                        <td>${w.week}</td>
                        <td>
                          ${w.enps?.value === null || !w.enps ? '—' : formatNumber(w.enps.value, { maximumFractionDigits: 0 })}
                          <span class="muted">${interval(w.enps?.ci ?? null)}</span>
                        </td>
                        <td>
                          ${w.drained?.value == null ? '—' : `${formatNumber(w.drained.value, { maximumFractionDigits: 0 })}%`}
                          <span class="muted">${interval(w.drained?.ci ?? null)}</span>
                        </td>
                      </tr>`
                    : html`<tr data-week=${w.week}>
                        <td>${w.week}</td>
                        <td colspan="2" class="muted">
                          ${
                            w.ended
                              ? t('pulse.hidden', { staff: w.staffOnShift, answers: w.answers, min: this.minGroup })
                              : t('pulse.running', { answers: w.answers })
                          }
                        </td>
                      </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>`;
  }
}
customElements.define('fb-staff-pulse', FbStaffPulse);
