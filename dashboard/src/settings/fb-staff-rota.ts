import { html } from 'lit';
import { formatDateTime, t } from '@feedback/web-base/i18n.ts';
import { onSubmit } from './form-values.ts';
import { SettingsPanel } from './settings-panel.ts';
import { periodAt, periodRange, type RotaPeriod, type RotaPeriodKind } from './rota-period.ts';
import { addShift, putStaff, shifts, staff } from '../data/staff.ts';

type Staff = Awaited<ReturnType<typeof staff>>[number];
type Shift = Awaited<ReturnType<typeof shifts>>[number];

/** Staff and their shifts: answers given during a shift at a point count for whoever worked it. */
export class FbStaffRota extends SettingsPanel {
  static override properties = { points: { attribute: false }, staff: { state: true }, shifts: { state: true }, period: { state: true } };
  declare points: { id: string; name: string }[];
  declare staff: Staff[];
  declare shifts: Shift[];
  /** the shifts listed: those overlapping this week by default, or any week or month picked */
  declare period: RotaPeriod;

  constructor() {
    super();
    this.points = [];
    this.staff = [];
    this.shifts = [];
    this.period = periodAt('week', Date.now());
  }

  protected override async load(): Promise<void> {
    this.staff = await staff();
    const range = periodRange(this.period);
    if (!range) return;
    this.shifts = await shifts(range.from, range.to);
  }

  private pickPeriod(period: RotaPeriod): void {
    if (!periodRange(period)) return;
    this.period = period;
    void this.reload();
  }

  private renderPeriod() {
    const kind = this.period.kind;
    const onKind = (event: Event) => this.pickPeriod(periodAt((event.target as HTMLSelectElement).value as RotaPeriodKind, Date.now()));
    const onValue = (event: Event) => this.pickPeriod({ kind, value: (event.target as HTMLInputElement).value });
    return html`
      <div class="controls" data-period>
        <label
          >${t('staff.periodKind')}
          <select name="periodKind" @change=${onKind}>
            <option value="week" ?selected=${kind === 'week'}>${t('staff.week')}</option>
            <option value="month" ?selected=${kind === 'month'}>${t('staff.month')}</option>
          </select>
        </label>
        <label
          >${kind === 'week' ? t('staff.week') : t('staff.month')}
          <input name="period" type=${kind} .value=${this.period.value} required @change=${onValue} />
        </label>
        <button type="button" data-this-period @click=${() => this.pickPeriod(periodAt(kind, Date.now()))}>
          ${kind === 'week' ? t('staff.thisWeek') : t('staff.thisMonth')}
        </button>
      </div>
    `;
  }

  override render() {
    const name = (id: string) => this.staff.find((s) => s.id === id)?.name ?? id;
    return html`
      ${this.messages()}
      <h3>${t('staff.title')}</h3>
      <ul data-staff>
        ${this.staff.map((s) => html`<li>${s.name} <span class="muted">(${s.id})</span></li>`)}
      </ul>
      <form
        class="stack"
        aria-label=${t('staff.add')}
        @submit=${onSubmit((form) => this.submit(form, (v) => putStaff(v.id ?? '', v.name ?? ''), t('settings.saved')))}
      >
        <label>${t('settings.column.id')}<input name="id" required pattern="[A-Za-z0-9_.\\-]{1,64}" /></label>
        <label>${t('settings.column.name')}<input name="name" required /></label>
        <button type="submit">${t('staff.add')}</button>
      </form>
      <h3>${t('staff.shifts')}</h3>
      ${this.renderPeriod()}
      <table data-shifts>
        <thead>
          <tr>
            <th scope="col">${t('staff.member')}</th>
            <th scope="col">${t('settings.column.pointId')}</th>
            <th scope="col">${t('filters.from')}</th>
            <th scope="col">${t('filters.to')}</th>
          </tr>
        </thead>
        <tbody>
          ${
            this.shifts.length === 0
              ? html`<tr>
                  <td colspan="4" class="muted">${t('staff.noShifts')}</td>
                </tr>`
              : ''
          }
          ${this.shifts.map(
            (s) =>
              html`<tr>
                <td>${name(s.staffId)}</td>
                <td>${s.pointId}</td>
                <td>${formatDateTime(s.startsAt)}</td>
                <td>${formatDateTime(s.endsAt)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <form
        class="stack"
        aria-label=${t('staff.addShift')}
        @submit=${onSubmit((form) =>
          this.submit(
            form,
            (v) => addShift(v.staffId ?? '', v.pointId ?? '', new Date(v.from ?? ''), new Date(v.to ?? '')),
            t('settings.saved'),
          ),
        )}
      >
        <label
          >${t('staff.member')}<select name="staffId" required>
            ${this.staff.map((s) => html`<option value=${s.id}>${s.name}</option>`)}
          </select></label
        >
        <label
          >${t('settings.column.pointId')}<select name="pointId" required>
            ${this.points.map((p) => html`<option value=${p.id}>${p.name}</option>`)}
          </select></label
        >
        <label>${t('filters.from')}<input type="datetime-local" name="from" required /></label>
        <label>${t('filters.to')}<input type="datetime-local" name="to" required /></label>
        <button type="submit">${t('staff.addShift')}</button>
      </form>
    `;
  }
}
customElements.define('fb-staff-rota', FbStaffRota);
